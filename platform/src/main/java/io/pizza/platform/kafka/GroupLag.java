package io.pizza.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
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

	/**
	 * The lag of every consumer group that has members, over every partition it committed
	 * an offset for.
	 * @param admin the cluster's admin client
	 * @return each group's records not committed yet, by group
	 * @throws InterruptedException if interrupted while waiting for the cluster
	 * @throws ExecutionException if the cluster could not answer
	 */
	public static Map<String, Long> ofActiveGroups(Admin admin) throws InterruptedException, ExecutionException {
		return ofActiveGroups(admin, (topic) -> true);
	}

	/**
	 * The lag of every consumer group that has members, over every partition of some
	 * topics it committed an offset for; a group that reads none of them is left out.
	 * @param admin the cluster's admin client
	 * @param topics the topics counted
	 * @return each group's records not committed yet, by group
	 * @throws InterruptedException if interrupted while waiting for the cluster
	 * @throws ExecutionException if the cluster could not answer
	 */
	public static Map<String, Long> ofActiveGroups(Admin admin, Predicate<String> topics)
			throws InterruptedException, ExecutionException {
		// consumers only, not Kafka Connect's workers' group (protocol type "connect")
		List<String> ids = admin.listGroups(ListGroupsOptions.forConsumerGroups())
			.all()
			.get()
			.stream()
			.map(GroupListing::groupId)
			.toList();
		Map<String, Long> lags = new TreeMap<>();
		if (ids.isEmpty()) {
			return lags;
		}
		for (ConsumerGroupDescription group : admin.describeConsumerGroups(ids).all().get().values()) {
			if (group.members().isEmpty()) {
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
					admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get());
			committed.values().removeIf(Objects::isNull);
			committed.keySet().removeIf((partition) -> !topics.test(partition.topic()));
			if (committed.isEmpty()) {
				continue;
			}
			Map<TopicPartition, Long> end = offsets(admin, List.copyOf(committed.keySet()), OffsetSpec.latest());
			lags.put(group.groupId(),
					committed.entrySet()
						.stream()
						.mapToLong((entry) -> Math.max(0, end.get(entry.getKey()) - entry.getValue().offset()))
						.sum());
		}
		return lags;
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
