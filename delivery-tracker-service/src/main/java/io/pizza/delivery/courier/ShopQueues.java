package io.pizza.delivery.courier;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

import io.pizza.delivery.destination.Destination;

/**
 * Each shop's couriers out on the road and its orders waiting for one: a shop has
 * {@code perShop} couriers, and an order baked while all are out waits, in the order it
 * came, for the first one back. Thread-safe.
 */
final class ShopQueues {

	private final int perShop;

	/** Guarded by itself. */
	private final Map<String, Shop> shops = new HashMap<>();

	ShopQueues(int perShop) {
		this.perShop = perShop;
	}

	/**
	 * Takes one of the order's shop's couriers, or puts the order in the shop's queue.
	 * @param destination the order
	 * @return how many orders wait now, empty when a courier was free and is taken
	 */
	Optional<Integer> takeCourierOrWait(Destination destination) {
		synchronized (this.shops) {
			Shop shop = this.shops.computeIfAbsent(destination.shop(), (name) -> new Shop());
			if (shop.out == this.perShop) {
				shop.waiting.add(destination);
				return Optional.of(shop.waiting.size());
			}
			shop.out++;
			return Optional.empty();
		}
	}

	/**
	 * Takes one of a shop's couriers whether one is free or not: a courier taken over
	 * from another instance is on the road already.
	 */
	void takeCourier(String shopName) {
		synchronized (this.shops) {
			this.shops.computeIfAbsent(shopName, (name) -> new Shop()).out++;
		}
	}

	/**
	 * Orders no longer waiting here: another instance carries them now.
	 * @param orderIds the orders
	 */
	void forget(Collection<UUID> orderIds) {
		Set<UUID> gone = Set.copyOf(orderIds);
		synchronized (this.shops) {
			this.shops.values().forEach((shop) -> shop.waiting.removeIf((order) -> gone.contains(order.orderId())));
		}
	}

	/**
	 * A courier back at its shop: it takes the order that waited longest, if any.
	 * @return the order it takes, empty when none waits and the courier stays
	 */
	Optional<Destination> courierBack(String shopName) {
		synchronized (this.shops) {
			Shop shop = this.shops.get(shopName);
			Destination next = shop.waiting.poll();
			if (next == null) {
				shop.out--;
			}
			return Optional.ofNullable(next);
		}
	}

	/**
	 * The orders waiting in all shops.
	 * @return how many
	 */
	int waiting() {
		synchronized (this.shops) {
			return this.shops.values().stream().mapToInt((shop) -> shop.waiting.size()).sum();
		}
	}

	private static final class Shop {

		private int out;

		private final Queue<Destination> waiting = new ArrayDeque<>();

	}

}
