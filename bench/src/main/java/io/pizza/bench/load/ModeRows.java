package io.pizza.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pizza.bench.load.BenchReport.ModeRun;

/**
 * The report's rows of the modes compared: each mode just after a restart, the other
 * mode's figures beside the first's as ratios.
 */
final class ModeRows {

	private ModeRows() {
	}

	static List<String> of(BenchReport.Modes modes) {
		List<String> rows = new ArrayList<>();
		rows.addAll(rows(modes.first(), null));
		rows.addAll(rows(modes.other(), modes.first()));
		return rows;
	}

	private static List<String> rows(ModeRun run, ModeRun against) {
		Optional<IntakeRamp.Step> sustained = IntakeRamp.highestSustained(run.intake().steps());
		String intakeRatio = sustained
			.flatMap((step) -> Optional.ofNullable(against)
				.flatMap((first) -> IntakeRamp.highestSustained(first.intake().steps()))
				.map((firstStep) -> "; %.2fx %s".formatted(step.acceptedRate() / firstStep.acceptedRate(),
						against.mode())))
			.orElse("");
		String restarted = "Restarted in " + run.mode() + " mode: ";
		LoadReport endToEnd = run.endToEnd();
		LoadReport first = (against != null) ? against.endToEnd() : null;
		ClosedLoop.Result posts = run.intake().orders();
		ClosedLoop.Result firstPosts = (against != null) ? against.intake().orders() : null;
		String closedLoop = (posts == null) ? "not measured (wrk is not installed)"
				: "%.0f orders/s, p99 %.1f ms%s".formatted(posts.perSecond(), posts.p99Millis(), (firstPosts != null)
						? "; %.2fx %s".formatted(posts.perSecond() / firstPosts.perSecond(), against.mode()) : "");
		return List.of(BenchReport.ROW.formatted(restarted + "POST /orders, closed loop", closedLoop),
				BenchReport.ROW.formatted(restarted + "REST intake, sustained",
						sustained
							.map((step) -> "%.0f orders/s (HTTP p50 %.0f ms, p99 %.0f ms)%s"
								.formatted(step.acceptedRate(), step.http().p50(), step.http().p99(), intakeRatio))
							.orElse("none of the steps")),
				BenchReport.ROW.formatted(restarted + "end to end at %.0f orders/s".formatted(endToEnd.rate()),
						"%.1f accepted/s; HTTP p50 %s, p99 %s".formatted(endToEnd.acceptedRate(),
								compared(endToEnd.http().p50(), (first != null) ? first.http().p50() : 0, against),
								compared(endToEnd.http().p99(), (first != null) ? first.http().p99() : 0, against))),
				BenchReport.ROW.formatted("  POST -> BAKED",
						BenchReport.percentiles(endToEnd.placedToBaked(), endToEnd.notBaked()) + ((first != null)
								? "; p50 " + ratio(endToEnd.placedToBaked().p50(), first.placedToBaked().p50(), against)
								: "")),
				BenchReport.ROW.formatted("  POST -> billed",
						BenchReport.percentiles(endToEnd.placedToBilled(), endToEnd.notBilled()) + ((first != null)
								? "; p50 "
										+ ratio(endToEnd.placedToBilled().p50(), first.placedToBilled().p50(), against)
								: "")));
	}

	private static String compared(double millis, double firstMillis, ModeRun against) {
		return BenchReport.millis(millis) + ((against != null) ? " (" + ratio(millis, firstMillis, against) + ")" : "");
	}

	private static String ratio(double other, double first, ModeRun against) {
		return (first > 0) ? "%.2fx %s".formatted(other / first, against.mode()) : "-";
	}

}
