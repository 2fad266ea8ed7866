package io.pizza.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.GroupLag;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;

/**
 * The steps every run of the benchmark takes, on whichever platform it runs: the intake
 * measured, end to end at a rate, the makers restarted with other settings, and the wait
 * for the makers and billing to be done with every order so far.
 */
final class BenchSteps {

	/** The makers bake in no time: the kitchen is not what is measured. */
	static final Map<String, String> NO_BAKING_TIME = Map.of("PIZZA_MAKER_SERVICE_BAKING_TIME_PER_PIZZA", "0ms");

	/** The longest wait for a backlog, and for each backlog measured. */
	static final Duration WAIT = Duration.ofMinutes(5);

	private final Consumer<String> progress;

	BenchSteps(Consumer<String> progress) {
		this.progress = progress;
	}

	// the intake, with the whole system running: the cheapest endpoint of the same JVM
	// and POST /orders side by side in a closed loop, then the open-loop ramp
	Intake intake(Platform platform, URI orderService, FakeOrders orders, IntakeRamp ramp, BenchOptions options)
			throws InterruptedException {
		Intake closed = closedLoop(platform, orderService, orders, options.warmUp(), options);
		List<IntakeRamp.Step> steps = ramp.run(options.firstIntakeRate(), options.maxIntakeRate(), options.intakeStep(),
				this.progress);
		return new Intake(closed.warmUp(), closed.menu(), closed.orders(), closed.cpu(), closed.cost(), steps);
	}

	// GET /menu and POST /orders side by side in a closed loop after a warm-up, and what
	// each order cost every part; no open-loop steps
	Intake closedLoop(Platform platform, URI orderService, FakeOrders orders, Duration warmUpFor, BenchOptions options)
			throws InterruptedException {
		ClosedLoop.Result menu = null;
		ClosedLoop.Result posts = null;
		CpuUse cpu = null;
		OrderCost cost = null;
		List<WarmUp.Round> warmUp = List.of();
		if (ClosedLoop.available()) {
			ClosedLoop closedLoop = new ClosedLoop(options.connections(), options.closedLoop());
			warmUp = new WarmUp(options.connections(), warmUpFor, platform.running().values()).run(orderService, orders,
					this.progress);
			menu = closedLoop.get(orderService.resolve("/menu"), this.progress);
			this.progress.accept(menu.toString());
			CpuUse.Meter meter = CpuUse.start(platform.running());
			posts = closedLoop.postOrders(orderService, orders, this.progress);
			cpu = meter.stop();
			this.progress.accept(posts.toString());
			this.progress.accept("CPU while POST /orders ran: " + cpu.summary());
			awaitEveryGroupCaughtUp(platform);
			cost = meter.stop().perOrder(posts.answered(201).orElse(posts.requests()));
			this.progress.accept("CPU per order, until every group had read what the orders caused: " + cost.summary());
		}
		else {
			this.progress.accept("closed loop: wrk is not installed (apt-get install wrk): left out");
		}
		return new Intake(warmUp, menu, posts, cpu, cost, List.of());
	}

	// after the intake's warm-up: the JIT compilers' work done, not measured again
	LoadReport endToEnd(Platform platform, String what, double rate, BenchOptions options) {
		this.progress
			.accept("%s: %.0f orders/s for %d s".formatted(what, rate, options.endToEndDuration().toSeconds()));
		return new LoadMeasurement(platform.settings(), this.progress)
			.run(rate, options.endToEndDuration(), options.seed() + 1, false)
			.report();
	}

	// settings that start both makers baking in no time
	static Properties fastMakers() {
		Properties settings = new Properties();
		for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
			NO_BAKING_TIME.forEach((name, value) -> settings.setProperty(maker + ".env." + name, value));
		}
		return settings;
	}

	// after a measure that changed them
	void restoreMakers(Platform platform) {
		this.progress.accept("makers: back to their own settings");
		restartMakers(platform, Map.of());
	}

	// one maker after the other, so that the group always has one
	void restartMakers(Platform platform, Map<String, String> environment) {
		for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
			Instance instance = platform.settings().instance(maker).orElseThrow();
			platform.kill(instance, false);
			platform.start(instance, environment);
		}
	}

	// every active consumer group caught up, all at one reading, on every topic but the
	// couriers' positions, which flow while they ride: the orders' consequences all read.
	// Not the tracker's dispatch, which commits no further than its oldest open delivery:
	// its couriers ride for minutes, one order of a shop after the other
	private void awaitEveryGroupCaughtUp(Platform platform) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		long said = System.nanoTime();
		try (Admin admin = platform.kafka().admin()) {
			while (true) {
				Map<String, Long> lags = GroupLag.ofActiveGroups(admin,
						(topic) -> !topic.equals(Topics.DELIVERY_POSITIONS));
				lags.remove(Groups.DISPATCH);
				lags.values().removeIf((lag) -> lag == 0);
				if (lags.isEmpty()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					this.progress.accept("groups not caught up in %d min: %s".formatted(WAIT.toMinutes(), lags));
					return;
				}
				if (System.nanoTime() - said > Duration.ofSeconds(5).toNanos()) {
					this.progress.accept("waiting for the groups to read what the orders caused: " + lags);
					said = System.nanoTime();
				}
				Polling.pause(Duration.ofMillis(500));
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

	// the makers and billing done with every order so far, so that one measure does not
	// pay for the last one's backlog. A backlog that outlasts the wait is left to them,
	// and said.
	void awaitCaughtUp(Admin admin) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			long makers;
			long billing;
			while ((makers = GroupLag.of(admin, Groups.MAKERS, Topics.ORDERS)) > 0
					| (billing = GroupLag.of(admin, Groups.BILLING, Topics.ORDERS)) > 0) {
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

}
