package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * What the status partitions an instance owns say about the deliveries not finished yet:
 * each order baked and not yet {@code DELIVERED}, with its courier once it left. This is
 * what makes the status topic the record of every delivery: a partition's committed
 * offset never passes the oldest of its orders not delivered, so that whoever owns it
 * next reads it again from there, replays it up to where it ended when it was assigned
 * (without sending anyone), and then sends a courier for each order still waiting and
 * lets each courier on the road ride on from where it is. Thread-safe.
 */
@Component
class OpenDeliveries {

	/** Guarded by this. */
	private final Map<TopicPartition, StatusPartition> partitions = new HashMap<>();

	/**
	 * A partition assigned: what lies between where its reading starts and where it ends
	 * now is read again to rebuild its deliveries, nobody sent.
	 * @param partition the partition
	 * @param from the offset its reading starts at (the committed one)
	 * @param end its end offset at assignment
	 */
	synchronized void assigned(TopicPartition partition, long from, long end) {
		this.partitions.put(partition, new StatusPartition(from, end));
	}

	/**
	 * Tells whether a partition's replay is over once reading has reached an offset; the
	 * first time it is, returns the deliveries it rebuilt, oldest first, to be taken up.
	 * @param partition the partition
	 * @param position the offset of the next record to be read
	 * @return the deliveries to take up: empty unless the replay just ended
	 */
	synchronized List<OpenDelivery> caughtUp(TopicPartition partition, long position) {
		StatusPartition state = this.partitions.get(partition);
		if (state == null || state.live || position < state.replayUntil) {
			return List.of();
		}
		state.live = true;
		return List.copyOf(state.open.values());
	}

	/**
	 * Whether a partition is still being replayed.
	 * @param partition the partition
	 * @return {@code true} until its replay is over
	 */
	synchronized boolean replaying(TopicPartition partition) {
		StatusPartition state = this.partitions.get(partition);
		return state != null && !state.live;
	}

	/**
	 * A status change read.
	 * @param partition where it was read
	 * @param offset its offset
	 * @param orderId its order
	 * @param status the order's new status
	 * @param by who moved it
	 * @param at when
	 * @return {@code true} when it is an order baked that needs a courier now: not
	 * replayed, not one already open
	 */
	synchronized boolean read(TopicPartition partition, long offset, UUID orderId, String status, String by,
			Instant at) {
		StatusPartition state = this.partitions.computeIfAbsent(partition, (p) -> new StatusPartition(offset, offset));
		state.next = offset + 1;
		switch (status) {
			case "BAKED" -> {
				if (state.open.containsKey(orderId)) {
					return false;
				}
				state.open.put(orderId, new OpenDelivery(partition, orderId, offset, null, null));
				return state.live;
			}
			case "OUT_FOR_DELIVERY" -> state.open.computeIfPresent(orderId,
					(id, open) -> new OpenDelivery(partition, id, open.offset(), by, at));
			case "DELIVERED" -> state.open.remove(orderId);
			default -> {
				// the kitchen's steps say nothing about a delivery
			}
		}
		return false;
	}

	/**
	 * A record that is no status change, read and passed over.
	 * @param partition where
	 * @param offset its offset
	 */
	synchronized void passed(TopicPartition partition, long offset) {
		StatusPartition state = this.partitions.get(partition);
		if (state != null) {
			state.next = offset + 1;
		}
	}

	/**
	 * An order's {@code DELIVERED} is on the brokers: its partition may be committed past
	 * it.
	 * @param partition the order's partition
	 * @param orderId the order
	 */
	synchronized void delivered(TopicPartition partition, UUID orderId) {
		StatusPartition state = this.partitions.get(partition);
		if (state != null) {
			state.open.remove(orderId);
		}
	}

	/**
	 * Whether this instance still owns an order's delivery.
	 * @param partition the order's partition
	 * @param orderId the order
	 * @return {@code false} once the partition was handed over, or the order delivered
	 */
	synchronized boolean owns(TopicPartition partition, UUID orderId) {
		StatusPartition state = this.partitions.get(partition);
		return state != null && state.open.containsKey(orderId);
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
				orders.addAll(state.open.keySet());
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
		this.partitions.forEach((partition, state) -> {
			long safe = state.open.isEmpty() ? state.next : state.open.values().iterator().next().offset();
			if (safe > state.committed) {
				offsets.put(partition, safe);
				state.committed = safe;
			}
		});
		return offsets;
	}

}
