package io.pizza.bench.load;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code ./pizza bench} measured, in one table.
 *
 * @param startedAt when the benchmark began
 * @param machine what it ran on
 * @param ceiling Kafka's own producer on the cluster
 * @param intake the REST intake: closed loop beside the HTTP ceiling, and the open-loop
 * steps
 * @param backlogs how fast the makers (baking in no time, exactly once) and billing went
 * through a backlog of orders written straight to the topic
 * @param endToEnd the load run at a fixed moderate rate
 * @param takeovers the makers' takeovers
 * @param kitchens the makers as a consumer group beside the makers as a share group, or
 * {@code null} when not measured
 * @param tracing the intake with tracing off and on, each just after a restart of the
 * services, or {@code null} when not measured
 * @param sse position to SSE client
 * @param mode the mode the platform ran in: {@code plaintext} or {@code secure}
 * @param modes the intake and end to end in both modes, each just after a restart of the
 * whole platform, or {@code null} when not measured
 */
public record BenchReport(Instant startedAt, String machine, ProducerCeiling.Result ceiling, Intake intake,
		List<Backlog.Result> backlogs, LoadReport endToEnd, List<TakeoverTime> takeovers,
		KitchenFigures.Result kitchens, TracingComparison.Result tracing, Latencies sse, String mode, Modes modes) {

	static final String ROW = "| %-58s | %s |";

	/**
	 * The intake's highest sustained rate, if any step was sustained.
	 * @return that step
	 */
	public Optional<IntakeRamp.Step> sustainedIntake() {
		return IntakeRamp.highestSustained(this.intake.steps());
	}

	/**
	 * The table, in Markdown.
	 * @return the table's lines
	 */
	public String table() {
		List<String> rows = new ArrayList<>();
		rows.add("`./pizza bench`, %s, %s".formatted(
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(this.startedAt),
				this.machine));
		rows.add("");
		rows.add(ROW.formatted("Measure", "Result"));
		rows.add(ROW.formatted("-".repeat(58), "-".repeat(6)));
		rows.add(ROW.formatted("Kafka's ceiling: ProducerPerformance, acks=all",
				"%.0f records/s of %d B (%.2f MB/s), ack p50 %d ms, p99 %d ms".formatted(
						this.ceiling.recordsPerSecond(), this.ceiling.recordSize(), this.ceiling.megabytesPerSecond(),
						this.ceiling.p50Millis(), this.ceiling.p99Millis())));
		rows.addAll(IntakeRows.closedLoop(this.intake, this.ceiling));
		rows.add(
				ROW.formatted("REST intake, open loop, highest sustained rate",
						sustainedIntake()
							.map((step) -> "%.0f orders/s (HTTP p50 %.0f ms, p99 %.0f ms): %.3fx the ceiling".formatted(
									step.acceptedRate(), step.http().p50(), step.http().p99(),
									step.acceptedRate() / this.ceiling.recordsPerSecond()))
							.orElse("none of the steps")));
		rows.add(ROW.formatted("REST intake, open loop, the steps",
				this.intake.steps()
					.stream()
					.map((step) -> "%.0f/s %s".formatted(step.rate(),
							step.sustained() ? "ok"
									: "no (%d failed, p99 %.0f ms)".formatted(step.failed(), step.http().p99())))
					.collect(Collectors.joining(", "))));
		for (Backlog.Result backlog : this.backlogs) {
			rows.add(ROW.formatted("Through a backlog: " + backlog.what(),
					"%.0f orders/s (%.2fx the ceiling): %d of %d orders in %.1f s, once settled (%.1f s)%s".formatted(
							backlog.perSecond(), backlog.perSecond() / this.ceiling.recordsPerSecond(),
							backlog.measured(), backlog.written(), backlog.seconds(), backlog.settling(),
							(backlog.left() > 0) ? ", %d left".formatted(backlog.left()) : "")));
		}
		rows.add(ROW.formatted(
				"End to end at %.0f orders/s for %d s".formatted(this.endToEnd.rate(),
						this.endToEnd.duration().toSeconds()),
				"%.1f accepted/s; HTTP p50 %.0f ms, p99 %.0f ms%s".formatted(this.endToEnd.acceptedRate(),
						this.endToEnd.http().p50(), this.endToEnd.http().p99(),
						this.endToEnd.noAnswer().isEmpty() ? "" : "; no answer: " + this.endToEnd.noAnswer())));
		rows.add(
				ROW.formatted("  POST -> BAKED", percentiles(this.endToEnd.placedToBaked(), this.endToEnd.notBaked())));
		rows.add(ROW.formatted("  POST -> billed",
				percentiles(this.endToEnd.placedToBilled(), this.endToEnd.notBilled())));
		for (TakeoverTime takeover : this.takeovers) {
			rows.add(ROW.formatted("Maker takeover, %s protocol, %s".formatted(takeover.protocol(), takeover.stop()),
					(takeover.millis() != null) ? "%.2f s".formatted(takeover.millis() / 1000.0) : "not in time"));
		}
		if (this.kitchens != null) {
			rows.addAll(KitchenRows.of(this.kitchens));
		}
		if (this.tracing != null) {
			rows.addAll(this.tracing.rows());
		}
		rows.add(ROW.formatted("Courier position -> SSE client", percentiles(this.sse, 0)));
		if (this.modes != null) {
			rows.addAll(ModeRows.of(this.modes));
		}
		return String.join(System.lineSeparator(), rows);
	}

	static String percentiles(Latencies latencies, long missing) {
		if (latencies.count() == 0) {
			return "none measured";
		}
		return "p50 %s, p99 %s, p99.9 %s (%d)%s".formatted(millis(latencies.p50()), millis(latencies.p99()),
				millis(latencies.p999()), latencies.count(), (missing > 0) ? "; " + missing + " missing" : "");
	}

	static String millis(double millis) {
		return (millis >= 1000) ? "%.2f s".formatted(millis / 1000) : "%.0f ms".formatted(millis);
	}

	Path write(Path folder) {
		return ReportFiles.write(folder, "bench", this.startedAt, this);
	}

	/**
	 * The intake and end to end in one mode, measured just after the whole platform was
	 * started in it.
	 *
	 * @param mode {@code secure} or {@code plaintext}
	 * @param intake the intake, closed and open loop
	 * @param endToEnd the load run, at the same rate in both modes
	 */
	public record ModeRun(String mode, Intake intake, LoadReport endToEnd) {
	}

	/**
	 * Both modes, each measured the same way just after a restart, so that neither pays
	 * for what the benchmark left running before it (a backlog, couriers on the road).
	 *
	 * @param first the mode the platform ran in
	 * @param other the other mode
	 */
	public record Modes(ModeRun first, ModeRun other) {
	}

	/**
	 * A maker's takeover.
	 *
	 * @param protocol the group protocol
	 * @param stop how the maker was stopped
	 * @param millis from the signal until the other maker owned every partition, or
	 * {@code null} when that did not happen in time
	 */
	public record TakeoverTime(String protocol, String stop, Long millis) {
	}

}
