package io.pizza.bench.load;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The report's rows of the REST intake in a closed loop: {@code GET /menu} and
 * {@code POST /orders} side by side, the second as ratios of the first and of Kafka's own
 * ceiling, with the CPU they took and the warm-up before.
 */
final class IntakeRows {

	private IntakeRows() {
	}

	static List<String> closedLoop(Intake intake, ProducerCeiling.Result ceiling) {
		if (intake.menu() == null || intake.orders() == null) {
			return List
				.of(BenchReport.ROW.formatted("REST intake, closed loop", "not measured (wrk is not installed)"));
		}
		ClosedLoop.Result menu = intake.menu();
		ClosedLoop.Result orders = intake.orders();
		return List.of(
				BenchReport.ROW.formatted(
						"HTTP ceiling: GET /menu, closed loop, %d connections".formatted(menu.connections()),
						"%.0f req/s, p50 %.1f ms, p99 %.1f ms".formatted(menu.perSecond(), menu.p50Millis(),
								menu.p99Millis())),
				BenchReport.ROW.formatted(
						"REST intake: POST /orders, closed loop, %d connections".formatted(orders.connections()),
						"%.0f orders/s, p50 %.1f ms, p99 %.1f ms; %s".formatted(orders.perSecond(), orders.p50Millis(),
								orders.p99Millis(), answers(orders))),
				BenchReport.ROW.formatted("  POST /orders as ratios",
						"%.2fx GET /menu, %.3fx Kafka's ceiling".formatted(orders.perSecond() / menu.perSecond(),
								orders.perSecond() / ceiling.recordsPerSecond())),
				BenchReport.ROW.formatted("  CPU while POST /orders ran",
						(intake.cpu() != null) ? intake.cpu().summary() : "-"),
				BenchReport.ROW.formatted("  CPU per order, POST until every group read all",
						(intake.cost() != null) ? intake.cost().summary() : "-"),
				BenchReport.ROW
					.formatted("  warm-up before, rounds of %d s".formatted(WarmUp.ROUND.toSeconds()), intake.warmUp()
						.stream()
						.map((round) -> "%.0f/s (JIT %.2f cores)".formatted(round.perSecond(), round.compilerCores()))
						.collect(Collectors.joining(", "))));
	}

	private static String answers(ClosedLoop.Result run) {
		String statuses = run.statuses()
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining(", "));
		return (statuses.isEmpty() ? "answers not counted" : statuses)
				+ ((run.socketErrors() > 0) ? ", " + run.socketErrors() + " socket errors" : "");
	}

}
