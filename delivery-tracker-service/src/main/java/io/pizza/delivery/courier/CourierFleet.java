package io.pizza.delivery.courier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
 * rides on: it always comes back, and its shop never runs out of couriers; its
 * {@code DELIVERED} is said again at each tick until the brokers have it.
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

	/** Couriers on the road, or back and still saying they delivered. */
	private final Map<UUID, Trip> onTheRoad = new ConcurrentHashMap<>();

	/**
	 * Every order this fleet carries or will, until its {@code DELIVERED} is published.
	 */
	private final Map<UUID, CompletableFuture<Void>> delivered = new ConcurrentHashMap<>();

	private final ShopQueues shops;

	CourierFleet(Couriers couriers, DeliveryTrackerProperties properties) {
		this.couriers = couriers;
		this.properties = properties;
		this.shops = new ShopQueues(properties.courier().perShop());
		long interval = properties.courier().interval().toMillis();
		this.scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends a courier with an order, or has the order wait for one.
	 * @param destination where from and where to
	 * @return completed once the order's {@code DELIVERED} is on the brokers
	 */
	public CompletableFuture<Void> dispatch(Destination destination) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> earlier = this.delivered.putIfAbsent(destination.orderId(), done);
		if (earlier != null) {
			return earlier;
		}
		Optional<Integer> waiting = this.shops.takeCourierOrWait(destination);
		if (waiting.isPresent()) {
			log.info("[{}] order={} shop='{}' waits for a courier: all {} are out, {} order(s) waiting",
					this.properties.instanceId(), destination.orderId(), destination.shop(),
					this.properties.courier().perShop(), waiting.get());
			return done;
		}
		send(destination);
		return done;
	}

	/**
	 * Takes over a courier another instance sent: it rides on from where it is by now,
	 * without leaving the shop again.
	 * @param destination where from and where to
	 * @param courierId the courier
	 * @param leftAt when it left the shop
	 * @return completed once the order's {@code DELIVERED} is on the brokers
	 */
	public CompletableFuture<Void> resume(Destination destination, String courierId, Instant leftAt) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> earlier = this.delivered.putIfAbsent(destination.orderId(), done);
		if (earlier != null) {
			return earlier;
		}
		this.shops.takeCourier(destination.shop());
		Duration interval = this.properties.courier().interval();
		Trip trip = new Trip(destination, courierId, steps());
		trip.step = (int) Math.min(trip.steps,
				Duration.between(leftAt, this.clock.instant()).toMillis() / Math.max(1, interval.toMillis()));
		this.onTheRoad.put(destination.orderId(), trip);
		log.info("[{}] order={} shop='{}' {} taken over, rides on from position {} of {}", this.properties.instanceId(),
				destination.orderId(), destination.shop(), courierId, trip.step + 1, trip.steps + 1);
		return done;
	}

	/**
	 * Stops carrying orders: another instance carries them now. Their couriers come back
	 * at once, and their shops' next orders take them.
	 * @param orderIds the orders
	 */
	public void abandon(Collection<UUID> orderIds) {
		this.shops.forget(orderIds);
		for (UUID orderId : orderIds) {
			this.delivered.remove(orderId);
			Trip trip = this.onTheRoad.remove(orderId);
			if (trip != null && !trip.arrived()) {
				back(trip.destination.shop());
			}
		}
	}

	private int steps() {
		return (int) Math.max(1, this.properties.courier().trip().toMillis()
				/ Math.max(1, this.properties.courier().interval().toMillis()));
	}

	// on the road first, then said: a courier that could not say it left still rides,
	// and comes back
	private void send(Destination destination) {
		String courierId = "courier-" + destination.orderId().toString().substring(0, 4);
		Trip trip = new Trip(destination, courierId, steps());
		this.onTheRoad.put(destination.orderId(), trip);
		log.info("[{}] order={} shop='{}' {} dispatched to '{}' ({} m, {} positions)", this.properties.instanceId(),
				destination.orderId(), destination.shop(), courierId, destination.address(),
				Math.round(destination.from().metersTo(destination.to())), trip.steps + 1);
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
	private CompletableFuture<?> publish(Supplier<CompletableFuture<?>> send, UUID orderId, String what) {
		try {
			return send.get().whenComplete((result, ex) -> {
				if (ex != null) {
					warnNotPublished(orderId, what, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			warnNotPublished(orderId, what, ex);
			return CompletableFuture.failedFuture(ex);
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
			log.warn(
					"[{}] stopping with {} couriers on the road and {} orders waiting for one: the next owner of "
							+ "their partitions delivers them",
					this.properties.instanceId(), this.onTheRoad.size(), waiting);
		}
		this.scheduler.shutdownNow();
	}

	/**
	 * One courier's ride, a step each tick, then its {@code DELIVERED} until published.
	 */
	private final class Trip {

		private final Destination destination;

		private final UUID orderId;

		private final String courierId;

		private final Route route;

		private final int steps;

		private int step;

		private boolean saying;

		private boolean said;

		private Trip(Destination destination, String courierId, int steps) {
			this.destination = destination;
			this.orderId = destination.orderId();
			this.courierId = courierId;
			this.route = Route.between(destination.from(), destination.to());
			this.steps = steps;
		}

		private synchronized boolean arrived() {
			return this.step > this.steps;
		}

		// the position is published, or said lost, and the courier is a step further
		// either way
		private synchronized void step() {
			if (arrived()) {
				sayDelivered();
				return;
			}
			boolean arriving = this.step == this.steps;
			var point = this.route.at((double) this.step / this.steps);
			this.step++;
			publish(() -> CourierFleet.this.couriers.position(new CourierPosition(this.orderId, this.courierId,
					point.lat(), point.lon(), CourierFleet.this.clock.instant(), arriving)), this.orderId,
					"a position");
			if (arriving) {
				log.info("[{}] order={} {} delivered", CourierFleet.this.properties.instanceId(), this.orderId,
						this.courierId);
				sayDelivered();
				back(this.destination.shop());
			}
		}

		// one attempt at a time; the fleet forgets the order once the brokers have it
		private void sayDelivered() {
			if (this.saying || this.said) {
				return;
			}
			this.saying = true;
			publish(() -> CourierFleet.this.couriers.status(this.orderId, "DELIVERED", this.courierId,
					CourierFleet.this.clock.instant()), this.orderId, "DELIVERED")
				.whenComplete((result, ex) -> {
					synchronized (this) {
						this.saying = false;
						this.said = ex == null;
					}
					if (ex == null) {
						CourierFleet.this.onTheRoad.remove(this.orderId, this);
						CompletableFuture<Void> done = CourierFleet.this.delivered.remove(this.orderId);
						if (done != null) {
							done.complete(null);
						}
					}
				});
		}

	}

}
