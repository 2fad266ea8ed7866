package io.pizza.platform.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
		BenchReport report = report(null, List.of(new BenchReport.TakeoverTime("consumer (KIP-848)", "kill", 740L),
				new BenchReport.TakeoverTime("classic", "kill --hard", null)));
		assertThat(report.table()).contains("| REST intake, highest sustained rate")
			.contains("20 orders/s (HTTP p50 40 ms, p99 200 ms): 0.2% of the ceiling")
			.contains("10/s ok, 20/s ok, 40/s no (3 failed, p99 4000 ms)")
			.contains("kept up with the intake: no backlog to measure")
			.contains("| Maker takeover, consumer (KIP-848) protocol, kill")
			.contains("0.74 s")
			.contains("not in time");
	}

	@Test
	void tellsTheMakersRateWhenTheyHadABacklog() {
		assertThat(report(12.6, List.of()).table()).contains("12.6 orders/s through the intake's backlog");
	}

	@Test
	void tellsBothModesAfterARestartTheSecondAsRatiosOfTheFirst() {
		List<IntakeRamp.Step> secureSteps = List.of(new IntakeRamp.Step(10, 10, 0, FAST, true),
				new IntakeRamp.Step(20, 14, 6, SLOW, false));
		LoadReport secureRun = new LoadReport(Instant.parse("2026-11-25T15:59:00Z"), 6, Duration.ofSeconds(20), 43, 120,
				6, 6, Map.of(201, 120L), SLOW, SLOW, FAST, 0, 2, "a machine");
		LoadReport plaintextRun = new LoadReport(Instant.parse("2026-11-25T15:57:00Z"), 6, Duration.ofSeconds(20), 43,
				120, 6, 6, Map.of(201, 120L), FAST, FAST, FAST, 0, 0, "a machine");
		BenchReport.Modes modes = new BenchReport.Modes(
				new BenchReport.ModeRun("plaintext", List.of(new IntakeRamp.Step(20, 20, 0, FAST, true)), plaintextRun),
				new BenchReport.ModeRun("secure", secureSteps, secureRun));
		assertThat(report(null, List.of(), modes).table())
			.contains("| Restarted in plaintext mode: REST intake, sustained")
			.contains("20 orders/s (HTTP p50 40 ms, p99 200 ms) |")
			.contains("| Restarted in secure mode: REST intake, sustained")
			.contains("10 orders/s (HTTP p50 40 ms, p99 200 ms); 0.50x plaintext")
			.contains("| Restarted in secure mode: end to end at 6 orders/s")
			.contains("HTTP p50 900 ms (22.50x plaintext), p99 4.00 s (20.00x plaintext)")
			.contains("POST -> BAKED")
			.contains("p50 22.50x plaintext")
			.contains("2 missing; p50 1.00x plaintext");
		assertThat(report(null, List.of()).table()).doesNotContain("Restarted");
	}

	private static BenchReport report(Double kitchen, List<BenchReport.TakeoverTime> takeovers) {
		return report(kitchen, takeovers, null);
	}

	private static BenchReport report(Double kitchen, List<BenchReport.TakeoverTime> takeovers,
			BenchReport.Modes modes) {
		List<IntakeRamp.Step> steps = List.of(new IntakeRamp.Step(10, 10, 0, FAST, true),
				new IntakeRamp.Step(20, 20, 0, FAST, true), new IntakeRamp.Step(40, 31, 3, SLOW, false));
		LoadReport endToEnd = new LoadReport(Instant.parse("2026-11-25T15:49:00Z"), 6, Duration.ofSeconds(20), 43, 120,
				6, 6, Map.of(201, 120L), FAST, FAST, FAST, 0, 0, "a machine");
		return new BenchReport(Instant.parse("2026-11-25T15:49:00Z"), "a machine",
				new ProducerCeiling.Result(100000, 574, 10000, 5.5, 2924, 3676), steps, kitchen, endToEnd, takeovers,
				FAST, "plaintext", modes);
	}

}
