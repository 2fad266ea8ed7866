package io.pizza.platform;

import io.pizza.platform.settings.Modes;

/**
 * Tracing turned on or off ({@code up --tracing}): the services started with it the other
 * way are started again, and the Zipkin server goes with it off.
 */
final class TracingSwitch {

	private final Parts parts;

	TracingSwitch(Parts parts) {
		this.parts = parts;
	}

	void apply() {
		boolean tracing = this.parts.settings().modes().tracing();
		if (this.parts.settings().modes().recordedTracing().orElse(tracing) == tracing) {
			return;
		}
		this.parts.progress()
			.accept("Tracing: now " + (tracing ? Modes.TRACING_ON : Modes.TRACING_OFF)
					+ ", the services started again");
		this.parts.settings()
			.services()
			.stream()
			.filter((service) -> this.parts.processes().running(service).isPresent())
			.forEach((service) -> this.parts.stopping().kill(service, false));
		if (!tracing) {
			this.parts.stopping().kill(this.parts.settings().zipkin(), false);
		}
	}

}
