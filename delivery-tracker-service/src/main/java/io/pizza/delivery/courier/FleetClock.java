package io.pizza.delivery.courier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pizza.delivery.config.DeliveryTrackerProperties;

/**
 * A fleet's one thread and its time: a tick every {@code courier.interval} moves every
 * courier on the road, so that a tick's positions reach the brokers in one request per
 * broker instead of one per courier; a trip of {@code courier.trip} is so many ticks.
 */
final class FleetClock {

	private final Clock clock = Clock.systemUTC();

	private final long interval;

	private final long trip;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "courier");
		thread.setDaemon(true);
		return thread;
	});

	FleetClock(DeliveryTrackerProperties.Courier courier, Runnable tick) {
		this.interval = courier.interval().toMillis();
		this.trip = courier.trip().toMillis();
		this.scheduler.scheduleAtFixedRate(tick, this.interval, this.interval, TimeUnit.MILLISECONDS);
	}

	Instant now() {
		return this.clock.instant();
	}

	// how many steps a whole trip takes: at least one
	int stepsPerTrip() {
		return (int) Math.max(1, this.trip / Math.max(1, this.interval));
	}

	// how many steps a courier that left then has ridden by now
	int stepsSince(Instant leftAt) {
		long behind = Duration.between(leftAt, now()).toMillis() / Math.max(1, this.interval);
		return (int) Math.min(Integer.MAX_VALUE, behind);
	}

	// on the fleet's thread, off the caller's
	void execute(Runnable task) {
		this.scheduler.execute(task);
	}

	void stop() {
		this.scheduler.shutdownNow();
	}

}
