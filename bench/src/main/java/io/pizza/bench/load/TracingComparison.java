package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.system.PlatformException;

/**
 * The intake with tracing off and on, side by side: the brokers warmed first, then the
 * services started again with it off (no span, no trace id, no Zipkin server), the same
 * warm-up for each, then {@code GET /menu} and {@code POST /orders} in the same closed
 * loop with the CPU each order cost every part; then the same with every order traced to
 * the platform's Zipkin server, whose CPU counts too. The makers bake in no time, as for
 * the intake; then they are started again as they were, tracing.
 */
public final class TracingComparison {

	private final Platform platform;

	private final BenchSteps steps;

	private final HttpClient http;

	private final Consumer<String> progress;

	TracingComparison(Platform platform, BenchSteps steps, HttpClient http, Consumer<String> progress) {
		this.platform = platform;
		this.steps = steps;
		this.http = http;
		this.progress = progress;
	}

	/**
	 * The comparison alone, on the running platform
	 * ({@code ./pizza bench --only-tracing}).
	 * @param options the warm-up, the closed loop's length and connections
	 * @param progress where each step is said
	 * @return the table's rows and where its JSON was written, under
	 * {@code bench/results/}
	 */
	public static Alone alone(Platform platform, BenchOptions options, Consumer<String> progress) {
		Instant startedAt = Clock.systemUTC().instant();
		URI orderService = URI
			.create("http://localhost:" + platform.settings().instance("order-service").orElseThrow().port());
		Result tracing = new TracingComparison(platform, new BenchSteps(progress),
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), progress)
			.measure(orderService, options);
		Path file = ReportFiles.write(platform.settings().root().resolve("bench").resolve("results"), "tracing",
				startedAt, tracing);
		return new Alone(tracing.rows(), file);
	}

	Result measure(URI orderService, BenchOptions options) {
		try {
			if (ClosedLoop.available()) {
				// the first of the two would otherwise pay for the brokers' JIT
				this.progress.accept("tracing: the brokers warmed first, with the platform as it runs");
				new WarmUp(options.connections(), options.tracingWarmUp(), this.platform.running().values())
					.run(orderService, new FakeOrders(Menu.of(orderService, this.http), options.seed()), this.progress);
			}
			Intake off = measureWith(false, orderService, options);
			Intake on = measureWith(true, orderService, options);
			return new Result(options.tracingWarmUp(), off, on);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		finally {
			this.steps.restoreMakers(this.platform);
		}
	}

	private Intake measureWith(boolean tracing, URI orderService, BenchOptions options) throws InterruptedException {
		Properties settings = BenchSteps.fastMakers();
		settings.setProperty("tracing", tracing ? Modes.TRACING_ON : Modes.TRACING_OFF);
		Platform platform = new Platform(this.platform.settings().with(settings), this.progress);
		this.progress.accept("tracing: the services started again with tracing " + settings.getProperty("tracing"));
		platform.settings().services().forEach((service) -> platform.kill(service, false));
		platform.up();
		FakeOrders orders = new FakeOrders(Menu.of(orderService, this.http), options.seed());
		return this.steps.closedLoop(platform, orderService, orders, options.tracingWarmUp(), options);
	}

	/**
	 * The intake with tracing off and on.
	 *
	 * @param warmUp how long the intake was warmed up before each
	 * @param off with no tracing at all
	 * @param on with every order traced to Zipkin
	 */
	record Result(Duration warmUp, Intake off, Intake on) {

		/**
		 * The intake with tracing on, as a ratio of the intake with it off.
		 * @return the ratio, {@code NaN} when not measured
		 */
		double ratio() {
			return (this.off.orders() != null && this.on.orders() != null)
					? this.on.orders().perSecond() / this.off.orders().perSecond() : Double.NaN;
		}

		List<String> rows() {
			if (this.off.orders() == null || this.on.orders() == null) {
				return List.of(BenchReport.ROW.formatted("REST intake, tracing off and on", "not measured (no wrk)"));
			}
			return List.of(row("off", this.off), row("on (every order, to Zipkin)", this.on),
					BenchReport.ROW.formatted("  tracing on as a ratio of off",
							"%.2fx the intake (target: at least 0.80x); GET /menu %.2fx".formatted(ratio(),
									this.on.menu().perSecond() / this.off.menu().perSecond())));
		}

		private String row(String tracing, Intake intake) {
			ClosedLoop.Result orders = intake.orders();
			return BenchReport.ROW.formatted(
					"REST intake, tracing %s: POST /orders, closed loop, %d connections".formatted(tracing,
							orders.connections()),
					"%.0f orders/s, p50 %.1f ms, p99 %.1f ms; CPU per order %s (warmed up %d s)".formatted(
							orders.perSecond(), orders.p50Millis(), orders.p99Millis(),
							(intake.cost() != null) ? intake.cost().summary() : "-", this.warmUp.toSeconds()));
		}

	}

	/**
	 * The comparison measured alone: its table's rows and where it was written.
	 *
	 * @param rows the rows, in Markdown
	 * @param file its JSON
	 */
	public record Alone(List<String> rows, Path file) {
	}

}
