package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The REST intake's highest sustainable rate: steps of a steady open workload, the rate
 * doubled after every step the service sustained, then one step half-way between the last
 * rate sustained and the first that was not. A rate is sustained when every order got its
 * {@code 201}, at least 95% of the rate asked was accepted, and the 99th percentile of
 * the answers stayed under {@link #MAX_P99_MILLIS}.
 */
final class IntakeRamp {

	/** The latency an intake must keep at its 99th percentile to count as sustained. */
	static final double MAX_P99_MILLIS = 1000;

	private final URI orderService;

	private final HttpClient http;

	private final FakeOrders orders;

	IntakeRamp(URI orderService, HttpClient http, FakeOrders orders) {
		this.orderService = orderService;
		this.http = http;
		this.orders = orders;
	}

	/**
	 * Runs the steps.
	 * @param firstRate the first step's rate, in orders per second
	 * @param maxRate no step goes above this rate
	 * @param step how long each step sends
	 * @param progress told how each step goes
	 * @return every step, in the order run
	 */
	List<Step> run(double firstRate, double maxRate, Duration step, Consumer<String> progress)
			throws InterruptedException {
		List<Step> steps = new ArrayList<>();
		double rate = firstRate;
		Step last;
		do {
			last = step(rate, step, progress);
			steps.add(last);
			rate *= 2;
		}
		while (last.sustained() && rate <= maxRate);
		Optional<Step> best = highestSustained(steps);
		if (!last.sustained() && best.isPresent()) {
			steps.add(step((best.get().rate() + last.rate()) / 2, step, progress));
		}
		return steps;
	}

	/**
	 * A step that is not counted, so that the services' JIT compilers, connection pools
	 * and caches are warm when the steps begin.
	 * @param rate the rate, in orders per second
	 * @param duration how long
	 * @param progress told how it goes
	 */
	void warmUp(double rate, Duration duration, Consumer<String> progress) throws InterruptedException {
		progress
			.accept("intake: warming up at %.0f orders/s for %d s (not counted)".formatted(rate, duration.toSeconds()));
		new LoadRun(this.orderService, this.http, this.orders).run(rate, duration, progress);
	}

	static Optional<Step> highestSustained(List<Step> steps) {
		return steps.stream().filter(Step::sustained).reduce((a, b) -> (b.rate() > a.rate()) ? b : a);
	}

	private Step step(double rate, Duration duration, Consumer<String> progress) throws InterruptedException {
		progress.accept("intake: %.0f orders/s for %d s".formatted(rate, duration.toSeconds()));
		LoadRun run = new LoadRun(this.orderService, this.http, this.orders);
		List<Placement> placements = run.run(rate, duration, progress);
		double seconds = Math.max(0.001, run.sending().toNanos() / 1e9);
		long accepted = placements.stream().filter(Placement::accepted).count();
		long failed = placements.size() - accepted;
		Latencies latencies = Latencies.ofMicros(placements.stream().map((p) -> p.latencyNanos() / 1000).toList());
		Step step = new Step(rate, accepted / seconds, failed, latencies,
				failed == 0 && accepted / seconds >= 0.95 * rate && latencies.p99() <= MAX_P99_MILLIS);
		progress.accept(step.toString());
		return step;
	}

	/**
	 * One step of the ramp.
	 *
	 * @param rate the rate asked, in orders per second
	 * @param acceptedRate orders accepted per second of sending
	 * @param failed orders not accepted (an error status or no answer)
	 * @param http the answers' latencies
	 * @param sustained whether the intake kept up with the rate
	 */
	record Step(double rate, double acceptedRate, long failed, Latencies http, boolean sustained) {

		@Override
		public String toString() {
			return "intake %.0f/s: %.1f accepted/s, %d failed, HTTP %s -> %s".formatted(this.rate, this.acceptedRate,
					this.failed, this.http, this.sustained ? "sustained" : "not sustained");
		}

	}

}
