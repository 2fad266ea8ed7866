package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.Topics;
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
 * again as they were at the end. The steps each run takes are {@link BenchSteps}', the
 * comparison of the modes {@link ModesComparison}'s; the order of the measures stays
 * here, read best in one place, with the records of what they found, which makes the
 * class longer than most.
 */
public final class Benchmark {

	private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);

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
		WithFastMakers measured;
		try (Admin admin = this.platform.kafka().admin()) {
			this.steps.restartMakers(this.platform, BenchSteps.NO_BAKING_TIME);
			measured = measureWithFastMakers(admin, orderService, options);
		}
		finally {
			this.steps.restoreMakers(this.platform);
		}
		KitchenFigures.Result kitchens = (options.kitchens() > 0) ? kitchens(options) : null;
		TracingComparison.Result tracing = options.tracingWarmUp().isZero() ? null : tracing(orderService, options);
		URI tracker = URI.create("http://localhost:" + instance("delivery-tracker-service").port());
		Latencies sse = new SseLatency(tracker, this.platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN),
				this.http)
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

	// everything measured with the makers baking in no time: the takeovers while there is
	// no backlog, then the intake, whose load leaves one behind, end to end, Kafka's
	// ceiling on brokers as warm as the intake found them (measured first, on brokers
	// just started, it came out at a third of itself), then how fast the makers go
	// through a backlog
	private WithFastMakers measureWithFastMakers(Admin admin, URI orderService, BenchOptions options) {
		try {
			FakeOrders orders = new FakeOrders(Menu.of(orderService, this.http), options.seed());
			IntakeRamp ramp = new IntakeRamp(orderService, this.http, orders);
			ramp.warmUp(options.firstIntakeRate(), options.intakeStep(), this.progress);
			this.steps.awaitCaughtUp(admin);
			Takeover takeover = new Takeover(this.platform, admin, instance("pizza-maker-1"),
					instance("pizza-maker-2"));
			List<BenchReport.TakeoverTime> takeovers = new ArrayList<>(takeover.afterBothStops("consumer (KIP-848)",
					BenchSteps.NO_BAKING_TIME, TAKEOVER_TIMEOUT, this.progress));
			Map<String, String> classic = new HashMap<>(BenchSteps.NO_BAKING_TIME);
			classic.put("SPRING_PROFILES_ACTIVE", "classic-protocol");
			this.steps.restartMakers(this.platform, classic);
			takeovers.addAll(takeover.afterBothStops("classic", classic, TAKEOVER_TIMEOUT, this.progress));
			this.steps.restartMakers(this.platform, BenchSteps.NO_BAKING_TIME);
			this.steps.awaitCaughtUp(admin);
			Intake intake = this.steps.intake(this.platform, orderService, orders, ramp, options);
			this.steps.awaitCaughtUp(admin);
			LoadReport endToEnd = this.steps.endToEnd(this.platform, "end to end", options.endToEndRate(), options);
			this.steps.awaitCaughtUp(admin);
			ProducerCeiling.Result ceiling = ceiling(admin, options);
			Backlog backlog = new Backlog(this.platform, admin, this.progress);
			List<Backlog.Result> backlogs = List.of(
					backlog.measure("makers, exactly once", Groups.MAKERS,
							List.of(instance("pizza-maker-1"), instance("pizza-maker-2")), BenchSteps.NO_BAKING_TIME,
							orders, options.backlog(), BenchSteps.WAIT),
					backlog.measure("billing", Groups.BILLING, List.of(instance("billing-service")), Map.of(), orders,
							options.backlog(), BenchSteps.WAIT));
			this.steps.awaitCaughtUp(admin);
			return new WithFastMakers(ceiling, intake, backlogs, endToEnd, takeovers);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
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

	private ProducerCeiling.Result ceiling(Admin admin, BenchOptions options) {
		ProducerCeiling producer = new ProducerCeiling(admin, this.platform.settings().kafkaClient(),
				this.platform.settings().classpaths().kafka());
		int recordSize = MeanOrderSize.of(this.platform.settings().kafkaClient(), 1000)
			.orElseThrow(() -> new PlatformException(Topics.ORDERS + " holds no order to take the size of"));
		this.progress.accept("ceiling: ProducerPerformance, " + options.ceilingRecords() + " records of " + recordSize
				+ " B (the orders' mean size), acks=all");
		return producer.run(options.ceilingRecords(), recordSize, this.progress);
	}

	private Instance instance(String name) {
		return this.platform.settings().instance(name).orElseThrow();
	}

	/**
	 * What was measured with the makers baking in no time.
	 *
	 * @param ceiling Kafka's own producer
	 * @param intake the intake's steps
	 * @param backlogs how fast the makers and billing went through a backlog
	 * @param endToEnd the end-to-end run
	 * @param takeovers the takeovers
	 */
	private record WithFastMakers(ProducerCeiling.Result ceiling, Intake intake, List<Backlog.Result> backlogs,
			LoadReport endToEnd, List<BenchReport.TakeoverTime> takeovers) {
	}

	/**
	 * The REST intake, measured with the whole system running.
	 *
	 * @param warmUp the warm-up's rounds of {@code POST /orders}, empty without wrk
	 * @param menu {@code GET /menu} in a closed loop: the HTTP ceiling of the same JVM,
	 * {@code null} without wrk
	 * @param orders {@code POST /orders} in the same closed loop, {@code null} without
	 * wrk
	 * @param cpu the CPU each part of the platform used while {@code POST /orders} ran,
	 * {@code null} without wrk
	 * @param cost the CPU time those orders cost each part, until every group had read
	 * what they caused, {@code null} without wrk
	 * @param steps the open-loop ramp's steps
	 */
	public record Intake(List<WarmUp.Round> warmUp, ClosedLoop.Result menu, ClosedLoop.Result orders, CpuUse cpu,
			OrderCost cost, List<IntakeRamp.Step> steps) {
	}

	/**
	 * A benchmark's report and where it was written.
	 *
	 * @param report the report
	 * @param file its JSON
	 */
	public record Result(BenchReport report, Path file) {
	}

}
