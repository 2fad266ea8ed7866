package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

import io.pizza.delivery.destination.RecordPosition;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * One status partition's deliveries not finished, as {@link OpenDeliveries} keeps them:
 * replayed up to {@code replayUntil}, live after it. Of its open orders, those handed to
 * the couriers are taken (at most {@code most}); the others are held back, oldest first,
 * until a taken one is delivered. Guarded by its {@link OpenDeliveries}.
 */
final class StatusPartition {

	private final TopicPartition partition;

	private final long replayUntil;

	private final int most;

	/** Open orders in the order they were baked. */
	private final Map<UUID, OpenDelivery> open = new LinkedHashMap<>();

	/** The open orders handed to the couriers, waiting for one or carried. */
	private final Set<UUID> taken = new HashSet<>();

	/** The open orders not handed to the couriers yet, oldest first. */
	private final Queue<OpenDelivery> heldBack = new ArrayDeque<>();

	private long next;

	private long committed;

	private boolean live;

	StatusPartition(TopicPartition partition, long from, long end, int most) {
		this.partition = partition;
		this.replayUntil = end;
		this.most = most;
		this.next = from;
		this.committed = from;
		this.live = from >= end;
	}

	boolean replaying() {
		return !this.live;
	}

	// the replay is over: every courier on the road rides on, and the orders waiting are
	// taken, oldest first, as many as may be
	List<OpenDelivery> caughtUp(long position) {
		if (this.live || position < this.replayUntil) {
			return List.of();
		}
		this.live = true;
		List<OpenDelivery> toTake = new ArrayList<>();
		this.open.values().stream().filter((order) -> order.courierId() != null).forEach(toTake::add);
		for (OpenDelivery order : this.open.values()) {
			if (order.courierId() == null) {
				if (toTake.size() < this.most) {
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

	Reading read(long offset, UUID orderId, String status, String by, Instant at, @Nullable RecordPosition orderAt) {
		this.next = offset + 1;
		switch (status) {
			case "BAKED" -> {
				return baked(new OpenDelivery(this.partition, orderId, offset, null, null, orderAt));
			}
			case "OUT_FOR_DELIVERY" -> this.open.computeIfPresent(orderId,
					(id, open) -> new OpenDelivery(this.partition, id, open.offset(), by, at, open.orderAt()));
			case "DELIVERED" -> delivered(orderId);
			default -> {
				// the kitchen's steps say nothing about a delivery
			}
		}
		return Reading.NOTHING_TO_DO;
	}

	private Reading baked(OpenDelivery order) {
		if (this.open.containsKey(order.orderId())) {
			return Reading.OPEN_ALREADY;
		}
		this.open.put(order.orderId(), order);
		if (!this.live) {
			return Reading.NOTHING_TO_DO;
		}
		if (this.taken.size() < this.most) {
			this.taken.add(order.orderId());
			return Reading.SEND;
		}
		this.heldBack.add(order);
		return Reading.HELD;
	}

	void passed(long offset) {
		this.next = offset + 1;
	}

	void delivered(UUID orderId) {
		this.open.remove(orderId);
		this.taken.remove(orderId);
	}

	// an order held back still open, once fewer than the most are taken
	Optional<OpenDelivery> nextHeldBack() {
		while (this.taken.size() < this.most && !this.heldBack.isEmpty()) {
			OpenDelivery next = this.heldBack.poll();
			if (this.open.containsKey(next.orderId())) {
				this.taken.add(next.orderId());
				return Optional.of(next);
			}
		}
		return Optional.empty();
	}

	// a partition being replayed is never full: its replay must reach its end
	boolean full() {
		return this.live && this.open.size() >= this.most;
	}

	boolean owns(UUID orderId) {
		return this.open.containsKey(orderId);
	}

	List<UUID> openOrders() {
		return List.copyOf(this.open.keySet());
	}

	// the oldest order not delivered, or past everything read when all are; only when
	// that moved since last asked
	OptionalLong toCommit() {
		long safe = this.open.isEmpty() ? this.next : this.open.values().iterator().next().offset();
		if (safe <= this.committed) {
			return OptionalLong.empty();
		}
		this.committed = safe;
		return OptionalLong.of(safe);
	}

}
