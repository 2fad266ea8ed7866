package io.pizza.bench.load;

import java.util.List;

/**
 * The REST intake, measured with the whole system running.
 *
 * @param warmUp the warm-up's rounds of {@code POST /orders}, empty without wrk
 * @param menu {@code GET /menu} in a closed loop: the HTTP ceiling of the same JVM,
 * {@code null} without wrk
 * @param orders {@code POST /orders} in the same closed loop, {@code null} without wrk
 * @param cpu the CPU each part of the platform used while {@code POST /orders} ran,
 * {@code null} without wrk
 * @param cost the CPU time those orders cost each part, until every group had read what
 * they caused, {@code null} without wrk
 * @param steps the open-loop ramp's steps
 */
public record Intake(List<WarmUp.Round> warmUp, ClosedLoop.Result menu, ClosedLoop.Result orders, CpuUse cpu,
		OrderCost cost, List<IntakeRamp.Step> steps) {
}
