package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.RecordPosition;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the status partitions an instance owns say about the deliveries not finished yet:
 * each order baked and not yet {@code DELIVERED}, with its courier once it left. This is
 * what makes the status topic the record of every delivery: a partition's committed
 * offset never passes the oldest of its orders not delivered, so that whoever owns it
 * next reads it again from there, replays it up to where it ended when it was assigned
 * (without sending anyone), and then sends a courier for each order still waiting and
 * lets each courier on the road ride on from where it is.
 * <p>
 * A partition hands at most {@code deliveries-per-partition} orders to the couriers at a
 * time; past that, its orders wait here, oldest first, for one of those to be delivered,
 * and its reading pauses (see {@link #full}): the orders behind wait in the log, not in
 * memory, however far the kitchen is ahead of the couriers. Thread-safe: each partition's
 * own rules are in {@link StatusPartition}.
 */
@Component
class OpenDeliveries {

	/** Guarded by this. */
	private final Map<TopicPartition, StatusPartition> partitions = new HashMap<>();

	private final int perPartition;

	@Autowired
	OpenDeliveries(DeliveryTrackerProperties properties) {
		this(properties.deliveriesPerPartition());
	}

	OpenDeliveries(int perPartition) {
		this.perPartition = perPartition;
	}

	/**
	 * A partition assigned: what lies between where its reading starts and where it ends
	 * now is read again to rebuild its deliveries, nobody sent.
	 * @param from the offset its reading starts at (the committed one)
	 * @param end its end offset at assignment
	 */
	synchronized void assigned(TopicPartition partition, long from, long end) {
		this.partitions.put(partition, new StatusPartition(partition, from, end, this.perPartition));
	}

	/**
	 * Tells whether a partition's replay is over once reading has reached an offset; the
	 * first time it is, returns the deliveries it rebuilt to be taken up: every courier
	 * on the road, then the orders waiting, oldest first, as many as the partition hands
	 * to the couriers at a time (the others are taken as those are delivered).
	 * @param position the offset of the next record to be read
	 * @return the deliveries to take up: empty unless the replay just ended
	 */
	synchronized List<OpenDelivery> caughtUp(TopicPartition partition, long position) {
		StatusPartition state = this.partitions.get(partition);
		return (state != null) ? state.caughtUp(position) : List.of();
	}

	/**
	 * Whether a partition is still being replayed.
	 * @return {@code true} until its replay is over
	 */
	synchronized boolean replaying(TopicPartition partition) {
		StatusPartition state = this.partitions.get(partition);
		return state != null && state.replaying();
	}

	/**
	 * A status change read.
	 * @param partition where it was read
	 * @param status the order's new status
	 * @param by who moved it
	 * @param at when
	 * @param orderAt where the order's own record is, if the status says
	 * @return what becomes of it
	 */
	synchronized Reading read(TopicPartition partition, long offset, UUID orderId, String status, String by, Instant at,
			@Nullable RecordPosition orderAt) {
		return this.partitions
			.computeIfAbsent(partition, (p) -> new StatusPartition(p, offset, offset, this.perPartition))
			.read(offset, orderId, status, by, at, orderAt);
	}

	/**
	 * A record that is no status change, read and passed over.
	 * @param partition where
	 */
	synchronized void passed(TopicPartition partition, long offset) {
		StatusPartition state = this.partitions.get(partition);
		if (state != null) {
			state.passed(offset);
		}
	}

	/**
	 * An order's {@code DELIVERED} is on the brokers: its partition may be committed past
	 * it, and hands its oldest order held back, if any, to the couriers.
	 * @param partition the order's partition
	 * @return the order held back that is taken now
	 */
	synchronized Optional<OpenDelivery> delivered(TopicPartition partition, UUID orderId) {
		StatusPartition state = this.partitions.get(partition);
		if (state == null) {
			return Optional.empty();
		}
		state.delivered(orderId);
		return state.nextHeldBack();
	}

	/**
	 * Whether a partition has as many orders open as it may: its reading should pause
	 * until some are delivered. A partition being replayed is never full: its replay must
	 * reach its end.
	 * @return {@code true} when it is live and full
	 */
	synchronized boolean full(TopicPartition partition) {
		StatusPartition state = this.partitions.get(partition);
		return state != null && state.full();
	}

	/**
	 * Whether this instance still owns an order's delivery.
	 * @param partition the order's partition
	 * @return {@code false} once the partition was handed over, or the order delivered
	 */
	synchronized boolean owns(TopicPartition partition, UUID orderId) {
		StatusPartition state = this.partitions.get(partition);
		return state != null && state.owns(orderId);
	}

	/**
	 * Partitions revoked or lost: their deliveries are their next owner's now.
	 * @param revoked the partitions
	 * @return the orders that were open on them
	 */
	synchronized List<UUID> revoked(Collection<TopicPartition> revoked) {
		List<UUID> orders = new ArrayList<>();
		for (TopicPartition partition : revoked) {
			StatusPartition state = this.partitions.remove(partition);
			if (state != null) {
				orders.addAll(state.openOrders());
			}
		}
		return orders;
	}

	/**
	 * How far each partition may be committed, where that moved since it was last asked:
	 * to its oldest order not delivered, or past everything read when all are.
	 * @return offsets to commit, by partition
	 */
	synchronized Map<TopicPartition, Long> toCommit() {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.partitions
			.forEach((partition, state) -> state.toCommit().ifPresent((safe) -> offsets.put(partition, safe)));
		return offsets;
	}

}
