package io.pizza.bench.load;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's highest sustained rate is the highest step it kept up with, whatever the
 * order the steps ran in.
 */
class IntakeRampTests {

	private static final Latencies FAST = new Latencies(100, 20, 80, 90, 95);

	private static final Latencies SLOW = new Latencies(100, 900, 4000, 4500, 4600);

	@Test
	void theHighestStepSustained() {
		List<IntakeRamp.Step> steps = List.of(new IntakeRamp.Step(10, 10, 0, FAST, true),
				new IntakeRamp.Step(20, 20, 0, FAST, true), new IntakeRamp.Step(40, 31, 0, SLOW, false),
				new IntakeRamp.Step(30, 29.5, 0, FAST, true));
		assertThat(IntakeRamp.highestSustained(steps)).map(IntakeRamp.Step::rate).contains(30.0);
	}

	@Test
	void noneWhenNoStepWasSustained() {
		assertThat(IntakeRamp.highestSustained(List.of(new IntakeRamp.Step(10, 6, 4, SLOW, false)))).isEmpty();
	}

}
