package io.pizza.delivery.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.Destination;
import io.pizza.delivery.destination.Destinations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Every order on its way, as this instance has read it from the positions topic, and what
 * to tell about each: where, how long ago, how far still, and when it should arrive.
 */
@Component
public class Deliveries {

	private final Map<UUID, Delivery> byOrder = new ConcurrentHashMap<>();

	private final Destinations destinations;

	private final Duration staleAfter;

	private final Duration keep;

	private final Clock clock = Clock.systemUTC();

	Deliveries(Destinations destinations, DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.staleAfter = properties.staleAfter();
		this.keep = properties.positionsTopic().retention();
	}

	/**
	 * The courier on a delivery: the one whose position came last.
	 * @param orderId the delivery's order
	 * @return its courier, none before its first position
	 */
	public Optional<String> courierOf(UUID orderId) {
		return find(orderId).map(Delivery::latest).map(CourierMoved::courierId);
	}

	/**
	 * Takes a position in.
	 * @return the order's delivery when the position is its latest, empty for a position
	 * that arrived after a newer one
	 */
	Optional<Delivery> record(CourierMoved position) {
		Delivery delivery = this.byOrder.computeIfAbsent(position.orderId(), Delivery::new);
		return delivery.add(position) ? Optional.of(delivery) : Optional.empty();
	}

	public Optional<Delivery> find(UUID orderId) {
		// a delivery whose first position is being taken in is not there yet
		return Optional.ofNullable(this.byOrder.get(orderId)).filter((delivery) -> delivery.latest() != null);
	}

	/**
	 * The orders not delivered yet, the most recently seen first.
	 * @return their deliveries
	 */
	List<Delivery> active() {
		return this.byOrder.values()
			.stream()
			.filter((delivery) -> delivery.latest() != null && !delivery.delivered())
			.sorted(Comparator.comparing((Delivery delivery) -> delivery.latest().at()).reversed())
			.toList();
	}

	/**
	 * Forgets deliveries whose latest position is older than the positions topic keeps.
	 */
	void forgetOld() {
		Instant before = this.clock.instant().minus(this.keep);
		this.byOrder.values()
			.removeIf((delivery) -> delivery.latest() != null && delivery.latest().at().isBefore(before));
	}

	PositionView view(Delivery delivery) {
		CourierMoved latest = delivery.latest();
		CourierMoved previous = delivery.previous();
		long age = Math.max(0, Duration.between(latest.at(), this.clock.instant()).toMillis());
		Optional<Destination> destination = this.destinations.of(delivery.orderId());
		Long remaining = destination.map((to) -> Math.round(latest.point().streetMetersTo(to.to()))).orElse(null);
		return new PositionView(delivery.orderId(), latest.courierId(), destination.map(Destination::shop).orElse(null),
				latest.lat(), latest.lon(), latest.at(), age, age > this.staleAfter.toMillis(), latest.delivered(),
				latest.delivered() ? Long.valueOf(0) : remaining, eta(latest, previous, remaining),
				destination.map(Destination::to).orElse(null));
	}

	private static @Nullable Long eta(CourierMoved latest, @Nullable CourierMoved previous, @Nullable Long remaining) {
		if (latest.delivered()) {
			return 0L;
		}
		if (previous == null || remaining == null) {
			return null;
		}
		double seconds = Duration.between(previous.at(), latest.at()).toMillis() / 1000.0;
		double metersPerSecond = (seconds > 0) ? previous.point().metersTo(latest.point()) / seconds : 0;
		// a courier standing still gives no idea of when it arrives
		return (metersPerSecond > 0.5) ? Math.round(remaining / metersPerSecond) : null;
	}

}
