package io.pizza.delivery.destination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import io.pizza.delivery.city.City;
import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.city.GeoPoint;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Where recent orders go, as read from the orders topic, and where the shops are: what an
 * instance needs to send a courier and to tell how far one still has to go. Kept in
 * memory, the most recent {@code orders-kept} only; the orders topic is where it comes
 * from again after a restart, or when an order baked late was forgotten.
 */
@Component
public class Destinations {

	private final City city = City.MILANO;

	private final Map<UUID, Destination> byOrder;

	private final Map<UUID, Long> offsets;

	private final SortedMap<String, GeoPoint> shops = new TreeMap<>();

	/** What waits for an order's destination to be read, by order. */
	private final Map<UUID, Waiting> waiting = new HashMap<>();

	private final Clock clock = Clock.systemUTC();

	Destinations(DeliveryTrackerProperties properties) {
		this.byOrder = mostRecent(properties.ordersKept());
		this.offsets = mostRecent(properties.ordersKept());
	}

	private static <V> Map<UUID, V> mostRecent(int most) {
		return new LinkedHashMap<>(1024, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
				return size() > most;
			}

		};
	}

	/**
	 * Learns where an order goes, unless it knows already, and does what waited for it.
	 * @param order an order read from the orders topic
	 * @param offset the record's offset (a copy of an order is on the same partition)
	 * @return the offset of an earlier record of the same order id, which keeps its place
	 * (reading the same record again, after a rebalance, is not a copy)
	 */
	Optional<Long> add(OrderPlaced order, long offset) {
		Destination destination;
		Waiting then;
		synchronized (this) {
			Long earlier = this.offsets.get(order.orderId());
			if (earlier != null) {
				return (earlier != offset) ? Optional.of(earlier) : Optional.empty();
			}
			GeoPoint shop = this.city.locate(order.shop());
			this.shops.put(order.shop(), shop);
			destination = new Destination(order.orderId(), order.shop(), order.customer().address(), shop,
					this.city.locate(order.customer().address()));
			this.byOrder.put(order.orderId(), destination);
			this.offsets.put(order.orderId(), offset);
			then = this.waiting.remove(order.orderId());
		}
		if (then != null) {
			then.actions.forEach((action) -> action.accept(destination));
		}
		return Optional.empty();
	}

	/**
	 * Does something with an order's destination: now if it is known, else once the order
	 * is read.
	 * @param record where the order's own record is, if known
	 * @param action what to do with its destination
	 * @return whether it was known, and done
	 */
	public boolean whenKnown(UUID orderId, @Nullable RecordPosition record, Consumer<Destination> action) {
		Destination destination;
		synchronized (this) {
			destination = this.byOrder.get(orderId);
			if (destination == null) {
				Waiting waiting = this.waiting.computeIfAbsent(orderId, (id) -> new Waiting(this.clock.instant()));
				waiting.actions.add(action);
				if (record != null) {
					waiting.record = record;
				}
				return false;
			}
		}
		action.accept(destination);
		return true;
	}

	/**
	 * Orders whose destination was wanted for a while and not read, which were not looked
	 * for yet; they count as looked for from now.
	 * @param since wanted since before this
	 * @return the orders, with where their records are when known
	 */
	synchronized List<Missing> missingSince(Instant since) {
		List<Missing> missing = new ArrayList<>();
		this.waiting.forEach((orderId, waiting) -> {
			if (!waiting.lookedFor && waiting.since.isBefore(since)) {
				waiting.lookedFor = true;
				missing.add(new Missing(orderId, waiting.record));
			}
		});
		return missing;
	}

	public synchronized Optional<Destination> of(UUID orderId) {
		return Optional.ofNullable(this.byOrder.get(orderId));
	}

	public synchronized SortedMap<String, GeoPoint> shops() {
		return new TreeMap<>(this.shops);
	}

	public City city() {
		return this.city;
	}

	/**
	 * An order whose destination is wanted and not known.
	 *
	 * @param record where its record is, {@code null} when nobody said
	 */
	record Missing(UUID orderId, @Nullable RecordPosition record) {
	}

	private static final class Waiting {

		private final Instant since;

		private final List<Consumer<Destination>> actions = new ArrayList<>();

		private boolean lookedFor;

		private @Nullable RecordPosition record;

		private Waiting(Instant since) {
			this.since = since;
		}

	}

}
