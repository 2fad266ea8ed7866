package io.pizza.delivery.courier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.dispatch.Destination;
import io.pizza.delivery.tracking.CourierPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Simulated couriers: each rides from the shop to the customer's address in
 * {@code courier.trip}, publishing where it is at each tick of the fleet's clock, every
 * {@code courier.interval}. One clock moves every courier on the road, so that a tick's
 * positions reach the brokers in one request per broker instead of one per courier. A
 * shop has {@code courier.per-shop} of them: an order baked while all are out waits, in
 * the order it came, for the first one back. A courier whose publishing fails says so and
 * rides on: it always comes back, and its shop never runs out of couriers.
 */
@Component
public class CourierFleet implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CourierFleet.class);

	private final Couriers couriers;

	private final DeliveryTrackerProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "courier");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<UUID, Trip> onTheRoad = new ConcurrentHashMap<>();

	private final ShopQueues shops;

	CourierFleet(Couriers couriers, DeliveryTrackerProperties properties) {
		this.couriers = couriers;
		this.properties = properties;
		this.shops = new ShopQueues(properties.courier().perShop());
		long interval = properties.courier().interval().toMillis();
		this.scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends a courier with an order.
	 * @param destination where from and where to
	 */
	public void dispatch(Destination destination) {
		Optional<Integer> waiting = this.shops.takeCourierOrWait(destination);
		if (waiting.isPresent()) {
			log.info("[{}] order={} shop='{}' waits for a courier: all {} are out, {} order(s) waiting",
					this.properties.instanceId(), destination.orderId(), destination.shop(),
					this.properties.courier().perShop(), waiting.get());
			return;
		}
		send(destination);
	}

	// on the road first, then said: a courier that could not say it left still rides,
	// and comes back
	private void send(Destination destination) {
		String courierId = "courier-" + destination.orderId().toString().substring(0, 4);
		Duration interval = this.properties.courier().interval();
		int steps = (int) Math.max(1, this.properties.courier().trip().toMillis() / interval.toMillis());
		Route route = Route.between(destination.from(), destination.to());
		Trip trip = new Trip(destination, courierId, route, steps);
		this.onTheRoad.put(destination.orderId(), trip);
		log.info("[{}] order={} shop='{}' {} dispatched to '{}' ({} m, {} positions)", this.properties.instanceId(),
				destination.orderId(), destination.shop(), courierId, destination.address(),
				Math.round(destination.from().metersTo(destination.to())), steps + 1);
		publish(() -> this.couriers.status(destination.orderId(), "OUT_FOR_DELIVERY", courierId, this.clock.instant()),
				destination.orderId(), "OUT_FOR_DELIVERY");
		trip.step();
	}

	// every courier on the road a step further; one courier's failure stops no other
	private void tick() {
		for (Trip trip : List.copyOf(this.onTheRoad.values())) {
			try {
				trip.step();
			}
			catch (RuntimeException ex) {
				log.warn("[{}] order={} {} could not move: {}", this.properties.instanceId(), trip.orderId,
						trip.courierId, ex.toString());
			}
		}
	}

	// a simulated courier does not wait for the brokers: a send that fails, at once or
	// later, is said, once
	private void publish(Supplier<CompletableFuture<?>> send, UUID orderId, String what) {
		try {
			send.get().whenComplete((result, ex) -> {
				if (ex != null) {
					warnNotPublished(orderId, what, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			warnNotPublished(orderId, what, ex);
		}
	}

	private void warnNotPublished(UUID orderId, String what, Throwable ex) {
		log.warn("[{}] order={} {} not published: {}", this.properties.instanceId(), orderId, what, ex.getMessage());
	}

	// a courier back at its shop takes the order that waited longest, if any
	private void back(String shopName) {
		this.shops.courierBack(shopName).ifPresent(this::send);
	}

	@Override
	public void destroy() {
		int waiting = this.shops.waiting();
		if (!this.onTheRoad.isEmpty() || waiting > 0) {
			log.warn("[{}] stopping with {} couriers on the road and {} orders waiting for one: they stop here",
					this.properties.instanceId(), this.onTheRoad.size(), waiting);
		}
		this.scheduler.shutdownNow();
	}

	/**
	 * One courier's ride, a step each tick.
	 */
	private final class Trip {

		private final Destination destination;

		private final UUID orderId;

		private final String courierId;

		private final Route route;

		private final int steps;

		private int step;

		private Trip(Destination destination, String courierId, Route route, int steps) {
			this.destination = destination;
			this.orderId = destination.orderId();
			this.courierId = courierId;
			this.route = route;
			this.steps = steps;
		}

		// the position is published, or said lost, and the courier is a step further
		// either way
		private synchronized void step() {
			if (this.step > this.steps) {
				return;
			}
			boolean arrived = this.step == this.steps;
			var point = this.route.at((double) this.step / this.steps);
			this.step++;
			publish(() -> CourierFleet.this.couriers.position(new CourierPosition(this.orderId, this.courierId,
					point.lat(), point.lon(), CourierFleet.this.clock.instant(), arrived)), this.orderId, "a position");
			if (arrived) {
				publish(() -> CourierFleet.this.couriers.status(this.orderId, "DELIVERED", this.courierId,
						CourierFleet.this.clock.instant()), this.orderId, "DELIVERED");
				log.info("[{}] order={} {} delivered", CourierFleet.this.properties.instanceId(), this.orderId,
						this.courierId);
				CourierFleet.this.onTheRoad.remove(this.orderId);
				back(this.destination.shop());
			}
		}

	}

}
