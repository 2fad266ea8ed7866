package io.pizza.delivery.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * One status partition's deliveries not finished, as {@link OpenDeliveries} keeps them:
 * replayed up to {@code replayUntil}, live after it. Of its open orders, those handed to
 * the couriers are taken; the others are held back, oldest first, until a taken one is
 * delivered. Guarded by its {@link OpenDeliveries}.
 */
final class StatusPartition {

	final long replayUntil;

	/** Open orders in the order they were baked. */
	final Map<UUID, OpenDelivery> open = new LinkedHashMap<>();

	/** The open orders handed to the couriers, waiting for one or carried. */
	private final Set<UUID> taken = new HashSet<>();

	/** The open orders not handed to the couriers yet, oldest first. */
	private final Queue<OpenDelivery> heldBack = new ArrayDeque<>();

	long next;

	long committed;

	boolean live;

	StatusPartition(long from, long end) {
		this.replayUntil = end;
		this.next = from;
		this.committed = from;
		this.live = from >= end;
	}

	// the replay is over: every courier on the road rides on, and the orders waiting are
	// taken, oldest first, as many as may be
	List<OpenDelivery> takeUp(int most) {
		List<OpenDelivery> toTake = new ArrayList<>();
		this.open.values().stream().filter((order) -> order.courierId() != null).forEach(toTake::add);
		for (OpenDelivery order : this.open.values()) {
			if (order.courierId() == null) {
				if (toTake.size() < most) {
					toTake.add(order);
				}
				else {
					this.heldBack.add(order);
				}
			}
		}
		toTake.forEach((order) -> this.taken.add(order.orderId()));
		return toTake;
	}

	Reading baked(OpenDelivery order, int most) {
		if (this.open.containsKey(order.orderId())) {
			return Reading.OPEN_ALREADY;
		}
		this.open.put(order.orderId(), order);
		if (!this.live) {
			return Reading.NOTHING_TO_DO;
		}
		if (this.taken.size() < most) {
			this.taken.add(order.orderId());
			return Reading.SEND;
		}
		this.heldBack.add(order);
		return Reading.HELD;
	}

	void delivered(UUID orderId) {
		this.open.remove(orderId);
		this.taken.remove(orderId);
	}

	// an order held back still open, once fewer than the most are taken
	Optional<OpenDelivery> nextHeldBack(int most) {
		while (this.taken.size() < most && !this.heldBack.isEmpty()) {
			OpenDelivery next = this.heldBack.poll();
			if (this.open.containsKey(next.orderId())) {
				this.taken.add(next.orderId());
				return Optional.of(next);
			}
		}
		return Optional.empty();
	}

}
