package io.pizza.bench.faults;

import java.time.Duration;
import java.util.List;

import io.pizza.platform.system.PlatformException;

/**
 * A schedule of faults for {@code ./pizza fault --check}: each fault held a while, then
 * healed, then the system left alone a while before the next.
 *
 * @param steps its faults, in order
 */
record Schedule(String name, List<Step> steps) {

	/** How long the system is left alone after each heal. */
	static final Duration SETTLE = Duration.ofSeconds(15);

	static Schedule named(String name) {
		return switch (name) {
			case "leader" -> new Schedule(name, List.of(new Step(Scenario.LEADER_ISOLATED, Duration.ofSeconds(25))));
			case "full" -> new Schedule(name,
					List.of(new Step(Scenario.LEADER_ISOLATED, Duration.ofSeconds(25)),
							new Step(Scenario.QUORUM_LEADER_ISOLATED, Duration.ofSeconds(25)),
							new Step(Scenario.ORDER_SERVICE_CUT, Duration.ofSeconds(20)),
							new Step(Scenario.BROKER_PAUSED, Duration.ofSeconds(25)),
							new Step(Scenario.CLOCK_SKEW, Duration.ofSeconds(20))));
			default -> throw new PlatformException("Unknown schedule '" + name + "': leader or full");
		};
	}

	/**
	 * A fault and how long it is held.
	 *
	 * @param scenario the fault
	 * @param hold how long it lasts before it is healed
	 */
	record Step(Scenario scenario, Duration hold) {
	}

}
