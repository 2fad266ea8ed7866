package io.pizza.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.network.Faults;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a fault is caused with: the platform, its network's faults, an admin client on the
 * cluster and who leads in it, the skewed clocks, and a console to tell what is done.
 */
final class Faulting implements AutoCloseable {

	private final Platform platform;

	private final Faults faults;

	private final Admin admin;

	private final Leaders leaders;

	private final SkewedClocks clocks;

	private final Consumer<String> out;

	private final int partition;

	Faulting(Platform platform, int partition, Duration skew, Consumer<String> out) {
		this.platform = platform;
		this.faults = new Faults(platform.settings(), new Processes(platform.settings()));
		this.admin = platform.kafka().admin();
		this.leaders = new Leaders(this.admin, platform.settings().brokers());
		this.clocks = new SkewedClocks(platform, skew, out);
		this.partition = partition;
		this.out = out;
	}

	Faults faults() {
		return this.faults;
	}

	Admin admin() {
		return this.admin;
	}

	Leaders leaders() {
		return this.leaders;
	}

	SkewedClocks clocks() {
		return this.clocks;
	}

	int partition() {
		return this.partition;
	}

	String partitionName() {
		return Topics.ORDERS + "-" + this.partition;
	}

	void tell(String line) {
		this.out.accept(line);
	}

	Instance instance(String name) {
		return this.platform.settings().instance(name).orElseThrow();
	}

	List<Instance> brokers() {
		return this.platform.settings().brokers();
	}

	List<Instance> brokersBut(Instance broker) {
		return brokers().stream().filter((other) -> !other.equals(broker)).toList();
	}

	/**
	 * Heals every fault: links, paused processes, skewed clocks; then gives each
	 * partition back to its preferred leader.
	 * @return what was healed
	 */
	List<String> heal() {
		List<String> healed = new ArrayList<>(this.faults.heal());
		healed.addAll(this.clocks.heal());
		try {
			int moved = this.platform.kafka().electPreferredLeaders();
			if (moved > 0) {
				healed.add(moved + " partitions led by their preferred replicas again");
			}
		}
		catch (PlatformException ex) {
			healed.add("leaders left as they are for now (" + ex.getMessage() + ")");
		}
		return healed;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
