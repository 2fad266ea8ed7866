package io.pizza.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Hands the orders over from one kitchen to the other when the makers switch between the
 * consumer group and the share group: the group that starts takes up where the other
 * stands, so that no order is baked by both. The share group takes the consumer group's
 * committed offsets as its start offsets; the consumer group takes the share group's
 * start offsets, before which every order is done with (the few the share group baked
 * past its start offset are baked again: a share group acknowledges out of order). Both
 * groups must be empty: their makers stopped.
 */
public final class KitchenHandover {

	private static final String GROUP = Groups.MAKERS;

	private static final String QUEUE = Groups.MAKERS_QUEUE;

	static final String TOPIC = Topics.ORDERS;

	private KitchenHandover() {
	}

	/**
	 * The share group takes up where the consumer group stands.
	 * @param admin a client of the cluster
	 * @return the partitions handed over
	 */
	public static int toQueue(Admin admin) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = get(
					admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata());
			Map<TopicPartition, Long> start = new HashMap<>();
			committed.forEach((partition, offset) -> {
				if (offset != null && partition.topic().equals(TOPIC)) {
					start.put(partition, offset.offset());
				}
			});
			if (!start.isEmpty()) {
				get(admin.alterShareGroupOffsets(QUEUE, start).all());
			}
			return start.size();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not hand the orders over to " + QUEUE + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The consumer group takes up where the share group stands.
	 * @param admin a client of the cluster
	 * @return the partitions handed over
	 */
	public static int toGroup(Admin admin) {
		try {
			List<TopicPartition> partitions = partitions(admin);
			Map<TopicPartition, SharePartitionOffsetInfo> started = get(admin
				.listShareGroupOffsets(Map.of(QUEUE, new ListShareGroupOffsetsSpec().topicPartitions(partitions)))
				.partitionsToOffsetInfo(QUEUE));
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			started.forEach((partition, info) -> {
				if (info != null) {
					offsets.put(partition, new OffsetAndMetadata(info.startOffset()));
				}
			});
			if (!offsets.isEmpty()) {
				get(admin.alterConsumerGroupOffsets(GROUP, offsets).all());
			}
			return offsets.size();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not hand the orders over to " + GROUP + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Moves one of the kitchens to the end of the orders: nothing written before is its
	 * to bake (the benchmark's runs, each on a backlog of its own).
	 * @param admin a client of the cluster
	 * @param queue the share group, else the consumer group
	 */
	public static void startAtTheEnd(Admin admin, boolean queue) {
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			partitions(admin).forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
			Map<TopicPartition, Long> ends = new HashMap<>();
			get(admin.listOffsets(latest).all()).forEach((partition, end) -> ends.put(partition, end.offset()));
			if (queue) {
				get(admin.alterShareGroupOffsets(QUEUE, ends).all());
			}
			else {
				Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
				ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
				get(admin.alterConsumerGroupOffsets(GROUP, offsets).all());
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not move " + (queue ? QUEUE : GROUP) + " to the end: " + ex.getMessage(),
					ex);
		}
	}

	private static List<TopicPartition> partitions(Admin admin) throws ExecutionException, TimeoutException {
		return get(admin.describeTopics(List.of(TOPIC)).allTopicNames()).get(TOPIC)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
			.toList();
	}

	private static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

}
