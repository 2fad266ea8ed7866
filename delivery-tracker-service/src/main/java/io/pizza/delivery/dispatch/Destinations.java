package io.pizza.delivery.dispatch;

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
import io.pizza.delivery.city.GeoPoint;

import org.springframework.stereotype.Component;

/**
 * Where recent orders go, as read from the orders topic, and where the shops are: what an
 * instance needs to send a courier and to tell how far one still has to go. Kept in
 * memory, the most recent orders only; the orders topic is where it comes from again
 * after a restart.
 */
@Component
public class Destinations {

	private static final int MOST_RECENT = 50_000;

	private final City city = City.MILANO;

	private final Map<UUID, Destination> byOrder = new LinkedHashMap<>(1024, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Destination> eldest) {
			return size() > MOST_RECENT;
		}

	};

	private final Map<UUID, Long> offsets = new LinkedHashMap<>(1024, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
			return size() > MOST_RECENT;
		}

	};

	private final SortedMap<String, GeoPoint> shops = new TreeMap<>();

	/** What waits for an order's destination to be read, by order. */
	private final Map<UUID, List<Consumer<Destination>>> waiting = new HashMap<>();

	/**
	 * Learns where an order goes, unless it knows already, and does what waited for it.
	 * @param order an order read from the orders topic
	 * @param offset the record's offset (a copy of an order is on the same partition)
	 * @return the offset of an earlier record of the same order id, which keeps its place
	 * (reading the same record again, after a rebalance, is not a copy)
	 */
	Optional<Long> add(OrderPlaced order, long offset) {
		Destination destination;
		List<Consumer<Destination>> then;
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
			then.forEach((action) -> action.accept(destination));
		}
		return Optional.empty();
	}

	/**
	 * Does something with an order's destination: now if it is known, else once the order
	 * is read.
	 * @param orderId the order
	 * @param action what to do with its destination
	 * @return whether it was known, and done
	 */
	boolean whenKnown(UUID orderId, Consumer<Destination> action) {
		Destination destination;
		synchronized (this) {
			destination = this.byOrder.get(orderId);
			if (destination == null) {
				this.waiting.computeIfAbsent(orderId, (id) -> new ArrayList<>()).add(action);
				return false;
			}
		}
		action.accept(destination);
		return true;
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

}
