package io.pizza.delivery.courier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Simulated couriers: each rides from the shop to the customer's address in
 * {@code courier.trip}, publishing where it is at each tick of the fleet's clock
 * ({@link FleetClock}). A shop has {@code courier.per-shop} of them: an order baked while
 * all are out waits, in the order it came, for the first one back. A courier whose
 * publishing fails rides on: it always comes back, and its shop never runs out of
 * couriers. Dispatching, taking over, abandoning and the clock's tick change the same two
 * maps (couriers on the road, orders not yet delivered), here alone, so that they never
 * go out of step.
 */
@Component
public class CourierFleet implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CourierFleet.class);

	private final Publishing publishing;

	private final DeliverySpans spans;

	private final DeliveryTrackerProperties properties;

	private final FleetClock clock;

	/** Couriers on the road, or back and still saying they delivered. */
	private final Map<UUID, Trip> onTheRoad = new ConcurrentHashMap<>();

	/** Each order carried or waiting, until its {@code DELIVERED} is published. */
	private final Map<UUID, CompletableFuture<Void>> delivered = new ConcurrentHashMap<>();

	private final ShopQueues shops;

	CourierFleet(Couriers couriers, DeliverySpans spans, DeliveryTrackerProperties properties) {
		this.spans = spans;
		this.publishing = new Publishing(couriers, spans, properties.instanceId());
		this.properties = properties;
		this.shops = new ShopQueues(properties.courier().perShop());
		this.clock = new FleetClock(properties.courier(), this::tick);
	}

	/**
	 * Sends a courier with an order, or has the order wait for one.
	 * @param destination where from and where to
	 * @return completed once the order's {@code DELIVERED} is on the brokers
	 */
	public CompletableFuture<Void> dispatch(Destination destination) {
		return carry(destination.orderId(), () -> {
			Optional<Integer> waiting = this.shops.takeCourierOrWait(destination);
			if (waiting.isEmpty()) {
				send(destination);
				return;
			}
			log.info("[{}] order={} shop='{}' waits for a courier: all {} are out, {} order(s) waiting",
					this.properties.instanceId(), destination.orderId(), destination.shop(),
					this.properties.courier().perShop(), waiting.get());
		});
	}

	/**
	 * Takes over a courier another instance sent: it rides on from where it is by now,
	 * without leaving the shop again.
	 * @param destination where from and where to
	 * @param leftAt when it left the shop
	 * @return completed once the order's {@code DELIVERED} is on the brokers
	 */
	public CompletableFuture<Void> resume(Destination destination, String courierId, Instant leftAt) {
		return carry(destination.orderId(), () -> {
			this.shops.takeCourier(destination.shop());
			Trip trip = new Trip(this, destination, courierId, this.clock.stepsPerTrip(),
					this.clock.stepsSince(leftAt));
			this.onTheRoad.put(destination.orderId(), trip);
			log.info("[{}] order={} shop='{}' {} taken over, rides on with {} position(s) to go",
					this.properties.instanceId(), destination.orderId(), destination.shop(), courierId,
					trip.positionsLeft());
		});
	}

	// an order carried already keeps its first trip
	private CompletableFuture<Void> carry(UUID orderId, Runnable start) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> earlier = this.delivered.putIfAbsent(orderId, done);
		if (earlier != null) {
			return earlier;
		}
		this.spans.start(orderId);
		this.spans.within(orderId, start);
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
			Trip trip = this.onTheRoad.get(orderId);
			if (trip != null && trip.arrived()) {
				// delivered, its DELIVERED on the way to the brokers: said until they
				// have it, and not carried a second time should its partition come back
				// here
				continue;
			}
			this.delivered.remove(orderId);
			this.onTheRoad.remove(orderId);
			this.spans.end(orderId);
			if (trip != null) {
				back(trip.destination().shop());
			}
		}
	}

	// on the road first, then said: a courier that could not say it left still rides, and
	// comes back
	private void send(Destination destination) {
		String courierId = "courier-" + destination.orderId().toString().substring(0, 4);
		Trip trip = new Trip(this, destination, courierId, this.clock.stepsPerTrip(), 0);
		this.onTheRoad.put(destination.orderId(), trip);
		this.spans.within(destination.orderId(),
				() -> log.info("[{}] order={} shop='{}' {} dispatched ({} m, {} positions)",
						this.properties.instanceId(), destination.orderId(), destination.shop(), courierId,
						Math.round(destination.from().metersTo(destination.to())), trip.positionsLeft()));
		this.publishing.status(destination.orderId(), "OUT_FOR_DELIVERY", courierId, now());
		trip.step();
	}

	// every courier on the road a step further; one courier's failure stops no other
	private void tick() {
		for (Trip trip : List.copyOf(this.onTheRoad.values())) {
			try {
				trip.step();
			}
			catch (RuntimeException ex) {
				log.warn("[{}] order={} {} could not move: {}", this.properties.instanceId(), trip.orderId(),
						trip.courierId(), ex.toString());
			}
		}
	}

	// a courier back at its shop takes the order that waited longest, if any
	void back(String shopName) {
		this.shops.courierBack(shopName).ifPresent(this::send);
	}

	void arrived(Trip trip) {
		this.spans.within(trip.orderId(), () -> log.info("[{}] order={} {} delivered", this.properties.instanceId(),
				trip.orderId(), trip.courierId()));
	}

	// the order is done with; what follows may send more, off the producer's thread
	void deliveredSaid(Trip trip) {
		this.onTheRoad.remove(trip.orderId(), trip);
		this.spans.end(trip.orderId());
		CompletableFuture<Void> done = this.delivered.remove(trip.orderId());
		if (done != null) {
			this.clock.execute(() -> done.complete(null));
		}
	}

	Publishing publishing() {
		return this.publishing;
	}

	Instant now() {
		return this.clock.now();
	}

	@Override
	public void destroy() {
		int waiting = this.shops.waiting();
		if (!this.onTheRoad.isEmpty() || waiting > 0) {
			log.warn("[{}] stopping with {} couriers on the road and {} orders waiting: their partitions' next "
					+ "owner delivers them", this.properties.instanceId(), this.onTheRoad.size(), waiting);
		}
		this.clock.stop();
	}

}
