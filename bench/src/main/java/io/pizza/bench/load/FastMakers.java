package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * What the benchmark measures with the makers baking in no time: the takeovers while
 * there is no backlog, then the intake, whose load leaves one behind, end to end, Kafka's
 * ceiling on brokers as warm as the intake found them (measured first, on brokers just
 * started, it came out at a third of itself), then how fast the makers go through a
 * backlog.
 */
final class FastMakers {

	private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);

	private final Platform platform;

	private final BenchSteps steps;

	private final HttpClient http;

	private final Consumer<String> progress;

	FastMakers(Platform platform, BenchSteps steps, HttpClient http, Consumer<String> progress) {
		this.platform = platform;
		this.steps = steps;
		this.http = http;
		this.progress = progress;
	}

	Measured measure(Admin admin, URI orderService, BenchOptions options) {
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
			return new Measured(ceiling, intake, backlogs, endToEnd, takeovers);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
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
	 */
	record Measured(ProducerCeiling.Result ceiling, Intake intake, List<Backlog.Result> backlogs, LoadReport endToEnd,
			List<BenchReport.TakeoverTime> takeovers) {
	}

}
