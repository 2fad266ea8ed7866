package io.pizza.bench.load;

import java.time.Duration;

/**
 * What {@code ./pizza bench} runs, and for how long.
 *
 * @param ceilingRecords records {@code ProducerPerformance} sends
 * @param firstIntakeRate the intake's first step, in orders per second
 * @param maxIntakeRate the intake's highest step
 * @param intakeStep how long each intake step sends
 * @param endToEndRate the end-to-end run's rate, in orders per second
 * @param endToEndDuration how long the end-to-end run sends
 * @param connections requests the closed-loop runs keep in flight
 * @param closedLoop how long each closed-loop run lasts
 * @param warmUp the longest {@code POST /orders} runs, not counted, before the measured
 * run
 * @param backlog the orders written for each backlog measured
 * @param sseListen how long the SSE client listens
 * @param seed the fake orders' seed
 * @param kitchens the orders of the backlog the two kitchens bake, 0 to leave them out
 * @param bothModes whether to measure the intake and end to end again in both modes, each
 * just after a restart of the platform
 * @param tracingWarmUp the warm-up of the intake with tracing off and then on, each just
 * after a restart of the services; zero to leave that comparison out
 * @param onlyTracing whether to measure that comparison alone
 */
public record BenchOptions(long ceilingRecords, double firstIntakeRate, double maxIntakeRate, Duration intakeStep,
		double endToEndRate, Duration endToEndDuration, int connections, Duration closedLoop, Duration warmUp,
		int backlog, Duration sseListen, long seed, int kitchens, boolean bothModes, Duration tracingWarmUp,
		boolean onlyTracing) {
}
