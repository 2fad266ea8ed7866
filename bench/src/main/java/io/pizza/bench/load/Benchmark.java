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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.GroupLag;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./pizza bench}: on the running platform, in one go, Kafka's own ceiling, the
 * REST intake's highest sustained rate, end-to-end latency at a moderate rate, the pizza
 * makers' takeover with both group protocols after {@code kill} and {@code kill --hard},
 * and courier positions to an SSE client; then the intake and end to end in both modes,
 * secure and plaintext, each just after a restart of the whole platform in it. The makers
 * bake in no time while it runs (the kitchen is not what is measured) and are started
 * again as they were at the end.
 */
public final class Benchmark {

	private static final Duration WAIT = Duration.ofMinutes(5);

	private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);

	private static final Map<String, String> NO_BAKING_TIME = Map.of("PIZZA_MAKER_BAKING_TIME_PER_PIZZA", "0ms");

	private final Platform platform;

	private final Consumer<String> progress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public Benchmark(Platform platform, Consumer<String> progress) {
		this.platform = platform;
		this.progress = progress;
	}

	/**
	 * Runs the benchmark.
	 * @param options what to run, how long
	 * @return the report, also written as JSON under {@code bench/results/}
	 */
	public Result run(Options options) {
		List<InstanceStatus> down = this.platform.status().stream().filter((status) -> !status.healthy()).toList();
		if (!down.isEmpty()) {
			throw new PlatformException(
					"The whole platform must run: " + down.stream().map((status) -> status.instance().name()).toList()
							+ " not healthy. Start it with ./pizza up");
		}
		Instant startedAt = Clock.systemUTC().instant();
		URI orderService = URI.create("http://localhost:" + instance("order-service").port());
		String mode = mode(this.platform.settings().secure());
		WithFastMakers measured;
		try (Admin admin = this.platform.kafka().admin()) {
			restartMakers(NO_BAKING_TIME);
			measured = measureWithFastMakers(admin, orderService, options);
		}
		finally {
			this.progress.accept("makers: back to their own settings");
			restartMakers(Map.of());
		}
		URI tracker = URI.create("http://localhost:" + instance("delivery-tracker-service").port());
		Latencies sse = new SseLatency(tracker, this.platform.settings().httpLogins().authorization(HttpLogins.ADMIN),
				this.http)
			.measure(options.sseListen(), this.progress);
		BenchReport.Modes modes = options.bothModes()
				? measureBothModes(orderService, options, measured.endToEnd().rate()) : null;
		BenchReport report = new BenchReport(startedAt, ReportFiles.thisMachine(), measured.ceiling(),
				measured.intake(), measured.backlogs(), measured.endToEnd(), measured.takeovers(), sse, mode, modes);
		return new Result(report, report.write(this.platform.settings().root().resolve("bench").resolve("results")));
	}

	// everything measured with the makers baking in no time: the takeovers while there is
	// no backlog, then the intake, whose load leaves one behind, end to end, Kafka's
	// ceiling on brokers as warm as the intake found them (measured first, on brokers
	// just
	// started, it came out at a third of itself), then how fast the makers go through a
	// backlog
	private WithFastMakers measureWithFastMakers(Admin admin, URI orderService, Options options) {
		try {
			FakeOrders orders = new FakeOrders(Menu.of(orderService, this.http), options.seed());
			IntakeRamp ramp = new IntakeRamp(orderService, this.http, orders);
			ramp.warmUp(options.firstIntakeRate(), options.intakeStep(), this.progress);
			awaitCaughtUp(admin);
			Takeover takeover = new Takeover(this.platform, admin, instance("pizza-maker-1"),
					instance("pizza-maker-2"));
			List<BenchReport.TakeoverTime> takeovers = new ArrayList<>(
					takeovers(takeover, "consumer (KIP-848)", NO_BAKING_TIME));
			Map<String, String> classic = new HashMap<>(NO_BAKING_TIME);
			classic.put("SPRING_PROFILES_ACTIVE", "classic-protocol");
			restartMakers(classic);
			takeovers.addAll(takeovers(takeover, "classic", classic));
			restartMakers(NO_BAKING_TIME);
			awaitCaughtUp(admin);
			Intake intake = intake(this.platform, orderService, orders, ramp, options);
			awaitCaughtUp(admin);
			// after the intake's warm-up: the JIT compilers' work done, not measured
			// again
			this.progress.accept("end to end: %.0f orders/s for %d s".formatted(options.endToEndRate(),
					options.endToEndDuration().toSeconds()));
			LoadReport endToEnd = new LoadTest(this.platform.settings(), this.progress)
				.run(options.endToEndRate(), options.endToEndDuration(), options.seed() + 1, false)
				.report();
			awaitCaughtUp(admin);
			ProducerCeiling.Result ceiling = ceiling(admin, options);
			Backlog backlog = new Backlog(this.platform, admin, this.progress);
			List<Backlog.Result> backlogs = List.of(
					backlog.measure("makers, exactly once", "pizza-makers",
							List.of(instance("pizza-maker-1"), instance("pizza-maker-2")), NO_BAKING_TIME, orders,
							options.backlog(), WAIT),
					backlog.measure("billing", "billing", List.of(instance("billing-service")), Map.of(), orders,
							options.backlog(), WAIT));
			awaitCaughtUp(admin);
			return new WithFastMakers(ceiling, intake, backlogs, endToEnd, takeovers);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	// the intake, with the whole system running: the cheapest endpoint of the same JVM
	// and
	// POST /orders side by side in a closed loop, then the open-loop ramp
	private Intake intake(Platform platform, URI orderService, FakeOrders orders, IntakeRamp ramp, Options options)
			throws InterruptedException {
		ClosedLoop.Result menu = null;
		ClosedLoop.Result posts = null;
		CpuUse cpu = null;
		List<WarmUp.Round> warmUp = List.of();
		if (ClosedLoop.available()) {
			ClosedLoop closedLoop = new ClosedLoop(options.connections(), options.closedLoop());
			warmUp = new WarmUp(options.connections(), options.warmUp(), platform.running().values()).run(orderService,
					orders, this.progress);
			menu = closedLoop.get(orderService.resolve("/menu"), this.progress);
			this.progress.accept(menu.toString());
			CpuUse.Meter meter = CpuUse.start(platform.running());
			posts = closedLoop.postOrders(orderService, orders, this.progress);
			cpu = meter.stop();
			this.progress.accept(posts.toString());
			this.progress.accept("CPU while POST /orders ran: " + cpu.summary());
		}
		else {
			this.progress.accept("closed loop: wrk is not installed (apt-get install wrk): left out");
		}
		List<IntakeRamp.Step> steps = ramp.run(options.firstIntakeRate(), options.maxIntakeRate(), options.intakeStep(),
				this.progress);
		return new Intake(warmUp, menu, posts, cpu, steps);
	}

	/**
	 * The intake and end to end in both modes (TLS with client certificates and ACLs, or
	 * none), each measured the same way just after the whole platform started in it, with
	 * makers that bake in no time: {@code down}, {@code up} in the other mode, measure,
	 * {@code down}, {@code up} as it was, measure; then the makers as they were.
	 */
	private BenchReport.Modes measureBothModes(URI orderService, Options options, double endToEndRate) {
		boolean secure = this.platform.settings().secure();
		Map<String, String> fastMakers = new HashMap<>();
		for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
			NO_BAKING_TIME.forEach((name, value) -> fastMakers.put(maker + ".env." + name, value));
		}
		Platform first = new Platform(this.platform.settings().with(mode(secure, fastMakers)), this.progress);
		Platform other = new Platform(this.platform.settings().with(mode(!secure, fastMakers)), this.progress);
		this.progress.accept("modes: the platform down, then up in " + mode(!secure) + " mode");
		this.platform.down();
		try {
			BenchReport.ModeRun otherRun;
			try {
				otherRun = measureAfterStart(other, orderService, options, endToEndRate);
			}
			finally {
				this.progress.accept("modes: the platform down, then up in " + mode(secure) + " mode again");
				other.down();
				first.up();
			}
			return new BenchReport.Modes(measureAfterStart(first, orderService, options, endToEndRate), otherRun);
		}
		finally {
			this.progress.accept("makers: back to their own settings");
			restartMakers(Map.of());
		}
	}

	private BenchReport.ModeRun measureAfterStart(Platform platform, URI orderService, Options options,
			double endToEndRate) {
		platform.up();
		String mode = mode(platform.settings().secure());
		try (Admin admin = platform.kafka().admin()) {
			FakeOrders orders = new FakeOrders(Menu.of(orderService, this.http), options.seed());
			IntakeRamp ramp = new IntakeRamp(orderService, this.http, orders);
			ramp.warmUp(options.firstIntakeRate(), options.intakeStep(), this.progress);
			awaitCaughtUp(admin);
			Intake intake = intake(platform, orderService, orders, ramp, options);
			awaitCaughtUp(admin);
			this.progress.accept("end to end, %s mode: %.0f orders/s for %d s".formatted(mode, endToEndRate,
					options.endToEndDuration().toSeconds()));
			LoadReport endToEnd = new LoadTest(platform.settings(), this.progress)
				.run(endToEndRate, options.endToEndDuration(), options.seed() + 1, false)
				.report();
			awaitCaughtUp(admin);
			return new BenchReport.ModeRun(mode, intake, endToEnd);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private static String mode(boolean secure) {
		return secure ? PlatformSettings.SECURE : PlatformSettings.PLAINTEXT;
	}

	private static Properties mode(boolean secure, Map<String, String> more) {
		Properties settings = new Properties();
		settings.setProperty("mode", mode(secure));
		settings.putAll(more);
		return settings;
	}

	private ProducerCeiling.Result ceiling(Admin admin, Options options) {
		ProducerCeiling producer = new ProducerCeiling(admin, this.platform.settings().kafkaClient(),
				this.platform.settings().kafkaClasspath());
		int recordSize = producer.orderSize(1000)
			.orElseThrow(() -> new PlatformException("pizza-orders holds no order to take the size of"));
		this.progress.accept("ceiling: ProducerPerformance, " + options.ceilingRecords() + " records of " + recordSize
				+ " B (the orders' mean size), acks=all");
		return producer.run(options.ceilingRecords(), recordSize, this.progress);
	}

	private List<BenchReport.TakeoverTime> takeovers(Takeover takeover, String protocol,
			Map<String, String> environment) {
		List<BenchReport.TakeoverTime> times = new ArrayList<>();
		for (boolean hard : List.of(false, true)) {
			String stop = hard ? "kill --hard" : "kill";
			this.progress.accept("takeover: " + protocol + " protocol, " + stop + " pizza-maker-1");
			Optional<Duration> took = takeover.measure(hard, environment, TAKEOVER_TIMEOUT);
			this.progress.accept("takeover: " + took.map((d) -> d.toMillis() + " ms").orElse("not in time"));
			times.add(new BenchReport.TakeoverTime(protocol, stop, took.map(Duration::toMillis).orElse(null)));
		}
		return times;
	}

	// one maker after the other, so that the group always has one
	private void restartMakers(Map<String, String> environment) {
		for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
			Instance instance = instance(maker);
			this.platform.kill(instance, false);
			this.platform.start(instance, environment);
		}
	}

	// the makers and billing done with every order so far, so that one measure does not
	// pay for the last one's backlog. A backlog that outlasts the wait is left to them,
	// and said.
	private void awaitCaughtUp(Admin admin) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			long makers;
			long billing;
			while ((makers = GroupLag.of(admin, "pizza-makers", "pizza-orders")) > 0
					| (billing = GroupLag.of(admin, "billing", "pizza-orders")) > 0) {
				this.progress
					.accept("waiting for the backlog: %d orders to bake, %d to bill".formatted(makers, billing));
				if (System.nanoTime() > deadline) {
					this.progress
						.accept("the backlog outlasted %d min: left to the services".formatted(WAIT.toMinutes()));
					return;
				}
				Polling.pause(Duration.ofSeconds(1));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not read the groups' offsets: " + ex.getCause(), ex);
		}
	}

	private Instance instance(String name) {
		return this.platform.settings().instance(name).orElseThrow();
	}

	/**
	 * What to run, how long.
	 *
	 * @param ceilingRecords records {@code ProducerPerformance} sends
	 * @param firstIntakeRate the intake's first step, in orders per second
	 * @param maxIntakeRate the intake's highest step
	 * @param intakeStep how long each intake step sends
	 * @param endToEndRate the end-to-end run's rate, in orders per second
	 * @param endToEndDuration how long the end-to-end run sends
	 * @param connections requests the closed-loop runs keep in flight
	 * @param closedLoop how long each closed-loop run lasts
	 * @param warmUp the longest {@code POST /orders} runs, not counted, before the
	 * measured run
	 * @param sseListen how long the SSE client listens
	 * @param seed the fake orders' seed
	 * @param bothModes whether to measure the intake and end to end again in both modes,
	 * each just after a restart of the platform
	 */
	public record Options(long ceilingRecords, double firstIntakeRate, double maxIntakeRate, Duration intakeStep,
			double endToEndRate, Duration endToEndDuration, int connections, Duration closedLoop, Duration warmUp,
			int backlog, Duration sseListen, long seed, boolean bothModes) {
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
	 * @param steps the open-loop ramp's steps
	 */
	public record Intake(List<WarmUp.Round> warmUp, ClosedLoop.Result menu, ClosedLoop.Result orders, CpuUse cpu,
			List<IntakeRamp.Step> steps) {
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
