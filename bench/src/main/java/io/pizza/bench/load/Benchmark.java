package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./pizza bench}: on the running platform, in one go, Kafka's own ceiling, the
 * REST intake's highest sustained rate, end-to-end latency at a moderate rate, the pizza
 * makers' takeover with both group protocols after {@code kill} and {@code kill --hard},
 * and courier positions to an SSE client; then the intake and end to end in both modes,
 * secure and plaintext, each just after a restart of the whole platform in it. The makers
 * bake in no time while it runs (the kitchen is not what is measured) and are started
 * again as they were at the end. The steps each run takes are {@link BenchSteps}', what
 * is measured with the makers baking in no time {@link FastMakers}', the comparison of
 * the modes {@link ModesComparison}'s.
 */
public final class Benchmark {

	private final Platform platform;

	private final Consumer<String> progress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final BenchSteps steps;

	public Benchmark(Platform platform, Consumer<String> progress) {
		this.platform = platform;
		this.progress = progress;
		this.steps = new BenchSteps(progress);
	}

	/**
	 * Runs the benchmark.
	 * @param options what to run, how long
	 * @return the report, also written as JSON under {@code bench/results/}
	 */
	public Result run(BenchOptions options) {
		List<InstanceStatus> down = this.platform.status().stream().filter((status) -> !status.healthy()).toList();
		if (!down.isEmpty()) {
			throw new PlatformException(
					"The whole platform must run: " + down.stream().map((status) -> status.instance().name()).toList()
							+ " not healthy. Start it with ./pizza up");
		}
		if (this.platform.settings().modes().queueKitchen()) {
			throw new PlatformException("The benchmark measures the makers as a consumer group, and compares them "
					+ "with a share group in rows of its own: start them with ./pizza up --kitchen=group first");
		}
		Instant startedAt = Clock.systemUTC().instant();
		URI orderService = URI.create("http://localhost:" + instance("order-service").port());
		String mode = ModesComparison.mode(this.platform.settings().modes().secure());
		FastMakers.Measured measured;
		try (Admin admin = this.platform.kafka().admin()) {
			this.steps.restartMakers(this.platform, BenchSteps.NO_BAKING_TIME);
			measured = new FastMakers(this.platform, this.steps, this.http, this.progress).measure(admin, orderService,
					options);
		}
		finally {
			this.steps.restoreMakers(this.platform);
		}
		KitchenFigures.Result kitchens = (options.kitchens() > 0) ? kitchens(options) : null;
		TracingComparison.Result tracing = options.tracingWarmUp().isZero() ? null : tracing(orderService, options);
		URI tracker = URI.create("http://localhost:" + instance("delivery-tracker-service").port());
		Latencies sse = new SseLatency(tracker,
				this.platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN), this.http)
			.measure(options.sseListen(), this.progress);
		BenchReport.Modes modes = options.bothModes()
				? new ModesComparison(this.platform, this.steps, this.http, this.progress).measure(orderService,
						options, measured.endToEnd().rate())
				: null;
		BenchReport report = new BenchReport(startedAt, ReportFiles.thisMachine(), measured.ceiling(),
				measured.intake(), measured.backlogs(), measured.endToEnd(), measured.takeovers(), kitchens, tracing,
				sse, mode, modes);
		return new Result(report, report.write(this.platform.settings().root().resolve("bench").resolve("results")));
	}

	private KitchenFigures.Result kitchens(BenchOptions options) {
		try {
			return new KitchenComparison(this.platform, this.http, this.progress).measure(new FakeOrders(
					Menu.of(URI.create("http://localhost:" + instance("order-service").port()), this.http),
					options.seed()), options.kitchens());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		finally {
			this.steps.restoreMakers(this.platform);
		}
	}

	private TracingComparison.Result tracing(URI orderService, BenchOptions options) {
		return new TracingComparison(this.platform, this.steps, this.http, this.progress).measure(orderService,
				options);
	}

	private Instance instance(String name) {
		return this.platform.settings().instance(name).orElseThrow();
	}

	/**
	 * A benchmark's report and where it was written.
	 *
	 * @param file its JSON
	 */
	public record Result(BenchReport report, Path file) {
	}

}
