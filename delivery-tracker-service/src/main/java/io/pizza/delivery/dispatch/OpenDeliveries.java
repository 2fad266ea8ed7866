package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(OpenDeliveries.class);

	private final String instance;

	/** Guarded by this. */
	private final Map<TopicPartition, Partition> partitions = new HashMap<>();

	OpenDeliveries(DeliveryTrackerProperties properties) {
		this.instance = properties.instanceId();
	}

	/**
	 * A partition assigned: what lies between where its reading starts and where it ends
	 * now is read again to rebuild its deliveries, nobody sent.
	 * @param partition the partition
	 * @param from the offset its reading starts at (the committed one)
	 * @param end its end offset at assignment
	 */
	synchronized void assigned(TopicPartition partition, long from, long end) {
		this.partitions.put(partition, new Partition(from, end));
	}

	/**
	 * Tells whether a partition's replay is over once reading has reached an offset; the
	 * first time it is, returns the deliveries it rebuilt, oldest first, to be taken up.
	 * @param partition the partition
	 * @param position the offset of the next record to be read
	 * @return the deliveries to take up: empty unless the replay just ended
	 */
	synchronized List<Open> caughtUp(TopicPartition partition, long position) {
		Partition state = this.partitions.get(partition);
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
		Partition state = this.partitions.get(partition);
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
		Partition state = this.partitions.computeIfAbsent(partition, (p) -> new Partition(offset, offset));
		state.next = offset + 1;
		switch (status) {
			case "BAKED" -> {
				if (state.open.containsKey(orderId)) {
					return false;
				}
				state.open.put(orderId, new Open(partition, orderId, offset, null, null));
				return state.live;
			}
			case "OUT_FOR_DELIVERY" ->
				state.open.computeIfPresent(orderId, (id, open) -> new Open(partition, id, open.offset(), by, at));
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
		Partition state = this.partitions.get(partition);
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
		Partition state = this.partitions.get(partition);
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
		Partition state = this.partitions.get(partition);
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
			Partition state = this.partitions.remove(partition);
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

	/**
	 * Commits how far each partition may be committed, where that moved. A failed commit
	 * loses nothing: the partition is only read again from an earlier offset.
	 * @param consumer the consumer of the partitions, on its own thread
	 */
	void commit(Consumer<?, ?> consumer) {
		Map<TopicPartition, Long> offsets = toCommit();
		if (offsets.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
		try {
			consumer.commitSync(commits);
		}
		catch (KafkaException ex) {
			log.warn("[{}] offsets {} not committed: {}", this.instance, offsets, ex.getMessage());
		}
	}

	/**
	 * An order baked and not delivered yet.
	 *
	 * @param partition the status partition it is on
	 * @param orderId the order
	 * @param offset where it was baked on that partition
	 * @param courierId the courier carrying it, {@code null} while none left with it
	 * @param leftAt when that courier left the shop
	 */
	record Open(TopicPartition partition, UUID orderId, long offset, @Nullable String courierId,
			@Nullable Instant leftAt) {
	}

	private static final class Partition {

		private final long replayUntil;

		/** Open orders in the order they were baked. */
		private final Map<UUID, Open> open = new LinkedHashMap<>();

		private long next;

		private long committed;

		private boolean live;

		private Partition(long from, long end) {
			this.replayUntil = end;
			this.next = from;
			this.committed = from;
			this.live = from >= end;
		}

	}

}
