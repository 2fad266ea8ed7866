package io.pizza.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on a topic, read through the Admin API.
 */
public final class GroupLag {

	private GroupLag() {
	}

	/**
	 * The records of a topic the group has not committed yet (all of a partition where it
	 * committed nothing).
	 * @param admin the cluster's admin client
	 * @param group the consumer group
	 * @param topic the topic
	 * @return the lag, summed over the topic's partitions
	 * @throws InterruptedException if interrupted while waiting for the cluster
	 * @throws ExecutionException if the cluster could not answer
	 */
	public static long of(Admin admin, String group, String topic) throws InterruptedException, ExecutionException {
		List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
		Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
		return partitions.stream().mapToLong((partition) -> {
			OffsetAndMetadata offset = committed.get(partition);
			return end.get(partition) - ((offset != null) ? offset.offset() : start.get(partition));
		}).sum();
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
			throws InterruptedException, ExecutionException {
		return admin.listOffsets(partitions.stream().collect(Collectors.toMap((partition) -> partition, (p) -> spec)))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
	}

}
