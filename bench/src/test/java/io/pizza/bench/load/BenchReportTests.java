package io.pizza.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's table says what was measured, including what could not be: the intake
 * as a share of Kafka's ceiling, a takeover that did not happen in time, makers that left
 * no backlog to measure.
 */
class BenchReportTests {

	private static final Latencies FAST = new Latencies(200, 40, 200, 250, 260);

	private static final Latencies SLOW = new Latencies(400, 900, 4000, 4500, 4600);

	@Test
	void tellsTheIntakeAsAShareOfTheCeilingAndWhatWasNotMeasured() {
		BenchReport report = report(List.of(), List.of(new BenchReport.TakeoverTime("consumer (KIP-848)", "kill", 740L),
				new BenchReport.TakeoverTime("classic", "kill --hard", null)));
		assertThat(report.table()).contains("| REST intake, open loop, highest sustained rate")
			.contains("20 orders/s (HTTP p50 40 ms, p99 200 ms): 0.002x the ceiling")
			.contains("| HTTP ceiling: GET /menu, closed loop, 64 connections")
			.contains("6000 req/s, p50 4.0 ms, p99 90.0 ms")
			.contains("| REST intake: POST /orders, closed loop, 64 connections")
			.contains("2400 orders/s, p50 20.0 ms, p99 80.0 ms; 201: 71990, 202: 10")
			.contains("0.40x GET /menu, 0.240x Kafka's ceiling")
			.contains("  warm-up before, rounds of 30 s")
			.contains("120/s (JIT 0.60 cores), 185/s (JIT 0.08 cores)")
			.contains("10/s ok, 20/s ok, 40/s no (3 failed, p99 4000 ms)")
			.contains("| Maker takeover, consumer (KIP-848) protocol, kill")
			.contains("0.74 s")
			.contains("not in time");
	}

	@Test
	void tellsHowFastEachGroupWentThroughItsBacklogAsARatioOfTheCeiling() {
		List<Backlog.Result> backlogs = List.of(
				new Backlog.Result("makers, exactly once", "pizza-makers", 20000, 18000, 6.0, 3.2, 0),
				new Backlog.Result("billing", "billing", 20000, 15000, 30.0, 2.5, 5000));
		assertThat(report(backlogs, List.of()).table())
			.contains("| Through a backlog: makers, exactly once",
					"| 3000 orders/s (0.30x the ceiling): 18000 of 20000 orders in 6.0 s, once settled (3.2 s) |")
			.contains("| 500 orders/s (0.05x the ceiling): 15000 of 20000 orders in 30.0 s, once settled (2.5 s), "
					+ "5000 left |");
	}

	@Test
	void tellsWhereTheCpuWentWhileOrdersWerePosted() {
		assertThat(report(List.of(), List.of()).table()).contains("| 1.20 of 2 cores: brokers 1.20 (60%) |");
	}

	@Test
	void tellsWhatAnOrderCostEachPart() {
		assertThat(report(List.of(), List.of()).table())
			.contains("| 2.00 ms (72000 orders, 40 s): brokers 1.50, order-service 0.50 |");
	}

	@Test
	void tellsBothKitchensSideBySide() {
		assertThat(report(List.of(), List.of()).table())
			.contains("| Kitchen: consumer group, 8 makers, 10 ms a pizza",
					"| 240 orders/s; 0 of 3000 orders baked after a later one of their shop |")
			.contains("| Kitchen: share group, 8 makers, 10 ms a pizza",
					"| 310 orders/s; 1200 of 3000 orders baked after a later one of their shop |")
			.contains("| the 2 orders it held baked by the other after 15.4 s; longest partition pause 6.2 s |");
	}

	@Test
	void tellsTracingsCostAsARatioOfTheIntakeWithItOff() {
		assertThat(report(List.of(), List.of()).table())
			.contains("| REST intake, tracing off: POST /orders, closed loop, 64 connections",
					"| 2000 orders/s, p50 20.0 ms, p99 80.0 ms; CPU per order 2.00 ms")
			.contains("| REST intake, tracing on (every order, to Zipkin): POST /orders, closed loop",
					"| 1700 orders/s, p50 20.0 ms")
			.contains("| 0.85x the intake (target: at least 0.80x); GET /menu 1.00x |");
	}

	@Test
	void saysWhenTheClosedLoopCouldNotBeMeasured() {
		BenchReport measured = report(List.of(), List.of());
		BenchReport notMeasured = new BenchReport(measured.startedAt(), measured.machine(), measured.ceiling(),
				new Intake(List.of(), null, null, null, null, measured.intake().steps()), List.of(),
				measured.endToEnd(), List.of(), null, null, FAST, "plaintext", null);
		assertThat(notMeasured.table()).contains("not measured (wrk is not installed)").doesNotContain("GET /menu");
	}

	@Test
	void readsWhatWrkPrints() {
		ClosedLoop.Result result = WrkOutput.parse("POST /orders", 64, """
				Running 30s test @ http://localhost:8080/orders
				  2 threads and 64 connections
				  Latency Distribution
				     50%   28.67ms
				     75%   40.10ms
				     90%   60.00ms
				     99%  1.23s
				  48475 requests in 25.06s, 30.71MB read
				  Socket errors: connect 0, read 2, write 0, timeout 1
				Requests/sec:   1934.30
				Transfer/sec:      1.23MB
				statuses: 201=48470 202=5
				""");
		assertThat(result.requests()).isEqualTo(48475);
		assertThat(result.perSecond()).isEqualTo(1934.30);
		assertThat(result.p50Millis()).isEqualTo(28.67);
		assertThat(result.p99Millis()).isEqualTo(1230.0);
		assertThat(result.socketErrors()).isEqualTo(3);
		assertThat(result.answered(201)).contains(48470L);
		assertThat(result.answered(503)).contains(0L);
	}

	@Test
	void tellsBothModesAfterARestartTheSecondAsRatiosOfTheFirst() {
		List<IntakeRamp.Step> secureSteps = List.of(new IntakeRamp.Step(10, 10, 0, FAST, true),
				new IntakeRamp.Step(20, 14, 6, SLOW, false));
		LoadReport secureRun = new LoadReport(Instant.parse("2026-11-25T15:59:00Z"), 6, Duration.ofSeconds(20), 43, 120,
				6, 6, Map.of(201, 120L), Map.of(), SLOW, SLOW, FAST, 0, 2, "a machine");
		LoadReport plaintextRun = new LoadReport(Instant.parse("2026-11-25T15:57:00Z"), 6, Duration.ofSeconds(20), 43,
				120, 6, 6, Map.of(201, 120L), Map.of(), FAST, FAST, FAST, 0, 0, "a machine");
		BenchReport.Modes modes = new BenchReport.Modes(new BenchReport.ModeRun("plaintext",
				intake(List.of(new IntakeRamp.Step(20, 20, 0, FAST, true)), 2000), plaintextRun),
				new BenchReport.ModeRun("secure", intake(secureSteps, 1500), secureRun));
		assertThat(report(List.of(), List.of(), modes).table())
			.contains("| Restarted in secure mode: POST /orders, closed loop")
			.contains("1500 orders/s, p99 80.0 ms; 0.75x plaintext")
			.contains("| Restarted in plaintext mode: REST intake, sustained")
			.contains("20 orders/s (HTTP p50 40 ms, p99 200 ms) |")
			.contains("| Restarted in secure mode: REST intake, sustained")
			.contains("10 orders/s (HTTP p50 40 ms, p99 200 ms); 0.50x plaintext")
			.contains("| Restarted in secure mode: end to end at 6 orders/s")
			.contains("HTTP p50 900 ms (22.50x plaintext), p99 4.00 s (20.00x plaintext)")
			.contains("POST -> BAKED")
			.contains("p50 22.50x plaintext")
			.contains("2 missing; p50 1.00x plaintext");
		assertThat(report(List.of(), List.of()).table()).doesNotContain("Restarted");
	}

	private static BenchReport report(List<Backlog.Result> backlogs, List<BenchReport.TakeoverTime> takeovers) {
		return report(backlogs, takeovers, null);
	}

	private static BenchReport report(List<Backlog.Result> backlogs, List<BenchReport.TakeoverTime> takeovers,
			BenchReport.Modes modes) {
		List<IntakeRamp.Step> steps = List.of(new IntakeRamp.Step(10, 10, 0, FAST, true),
				new IntakeRamp.Step(20, 20, 0, FAST, true), new IntakeRamp.Step(40, 31, 3, SLOW, false));
		LoadReport endToEnd = new LoadReport(Instant.parse("2026-11-25T15:49:00Z"), 6, Duration.ofSeconds(20), 43, 120,
				6, 6, Map.of(201, 120L), Map.of(), FAST, FAST, FAST, 0, 0, "a machine");
		return new BenchReport(Instant.parse("2026-11-25T15:49:00Z"), "a machine",
				new ProducerCeiling.Result(100000, 574, 10000, 5.5, 2924, 3676), intake(steps, 2400), backlogs,
				endToEnd, takeovers, KITCHENS,
				new TracingComparison.Result(Duration.ofMinutes(2), intake(List.of(), 2000), intake(List.of(), 1700)),
				FAST, "plaintext", modes);
	}

	private static final KitchenFigures.Result KITCHENS = new KitchenFigures.Result(
			List.of(new KitchenFigures.Run("group", 8, 3000, 240, 0, 0),
					new KitchenFigures.Run("queue", 8, 3000, 310, 1200, 0)),
			List.of(new KitchenFigures.Kill("queue", 2, 15.4, 6.2, 0)));

	private static Intake intake(List<IntakeRamp.Step> steps, double orders) {
		Map<String, Long> statuses = new LinkedHashMap<>();
		statuses.put("201", 71990L);
		statuses.put("202", 10L);
		return new Intake(List.of(new WarmUp.Round(120, 0.6), new WarmUp.Round(185, 0.08)),
				new ClosedLoop.Result("GET /menu", 64, 180000, 6000, 4, 90, 0, 0, Map.of()),
				new ClosedLoop.Result("POST /orders", 64, 72000, orders, 20, 80, 0, 0, statuses),
				new CpuUse(2, 30, Map.of("brokers", 1.2, "postgres", 0.004)),
				new OrderCost(72000, 40, new TreeMap<>(Map.of("brokers", 1.5, "order-service", 0.5))), steps);
	}

}
