package io.pizza.platform;

import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.KitchenHandover;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import org.apache.kafka.clients.admin.Admin;

/**
 * The makers moved from one kitchen to the other ({@code up --kitchen}): stopped before
 * the platform comes up, the orders handed over once the topics are there, the kitchen
 * recorded once they are.
 */
final class KitchenSwitch {

	private final Parts parts;

	private final boolean toQueue;

	private final boolean switching;

	KitchenSwitch(Parts parts) {
		this.parts = parts;
		this.toQueue = parts.settings().modes().queueKitchen();
		String kitchen = this.toQueue ? Modes.QUEUE : Modes.GROUP;
		this.switching = !parts.settings().modes().recordedKitchen().orElse(Modes.GROUP).equals(kitchen);
	}

	// both groups must be empty for the handover
	void stopMakers() {
		if (!this.switching) {
			return;
		}
		this.parts.settings()
			.services()
			.stream()
			.filter((service) -> service.module().equals(Instance.MAKERS))
			.filter((maker) -> this.parts.processes().running(maker).isPresent())
			.forEach((maker) -> this.parts.stopping().kill(maker, false));
	}

	void handOver() {
		if (this.switching) {
			// recorded once handed over: a handover that failed is tried again at the
			// next up
			try (Admin admin = this.parts.kafka().admin()) {
				int partitions = this.toQueue ? KitchenHandover.toQueue(admin) : KitchenHandover.toGroup(admin);
				this.parts.progress()
					.accept("Makers: now the %s %s, taking up where the %s stands (%d partitions)".formatted(
							this.toQueue ? "share group" : "consumer group",
							this.toQueue ? Groups.MAKERS_QUEUE : Groups.MAKERS,
							this.toQueue ? Groups.MAKERS : Groups.MAKERS_QUEUE, partitions));
			}
		}
		this.parts.settings().modes().recordKitchen();
	}

}
