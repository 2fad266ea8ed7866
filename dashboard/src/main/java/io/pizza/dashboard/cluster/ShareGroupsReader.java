package io.pizza.dashboard.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Reads the share groups through Kafka's Admin API: each group's state and epochs, its
 * members with the partitions each fetches from, and each partition's start offset and
 * the records from there on not yet done with. The brokers tell no more: which records
 * are in flight with which member, and their delivery counts, only the members know.
 */
class ShareGroupsReader {

	private final Admin admin;

	private final Duration timeout;

	ShareGroupsReader(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	List<Snapshot.ShareGroup> read(Map<TopicPartition, Long> ends)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<String> ids = get(this.admin.listGroups(ListGroupsOptions.forShareGroups()).all()).stream()
			.map(GroupListing::groupId)
			.sorted()
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, ShareGroupDescription> descriptions = get(this.admin.describeShareGroups(ids).all());
		// the partitions its members fetch from: an empty spec asks for none
		Map<String, ListShareGroupOffsetsSpec> specs = ids.stream()
			.collect(Collectors.toMap((id) -> id,
					(id) -> new ListShareGroupOffsetsSpec().topicPartitions(descriptions.get(id)
						.members()
						.stream()
						.flatMap((member) -> member.assignment().topicPartitions().stream())
						.collect(Collectors.toSet()))));
		Map<String, Map<TopicPartition, SharePartitionOffsetInfo>> offsets = get(
				this.admin.listShareGroupOffsets(specs).all());
		List<Snapshot.ShareGroup> groups = new ArrayList<>();
		for (String id : ids) {
			ShareGroupDescription description = descriptions.get(id);
			List<Snapshot.ShareMember> members = description.members()
				.stream()
				.sorted(Comparator.comparing(ShareMemberDescription::clientId))
				.map((member) -> new Snapshot.ShareMember(member.consumerId(), GroupsReader.instance(member.clientId()),
						member.memberEpoch(), GroupsReader.names(member.assignment().topicPartitions())))
				.toList();
			List<Snapshot.SharePartition> partitions = offsets.getOrDefault(id, Map.of())
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey(
						Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)))
				.map((entry) -> partition(entry.getKey(), entry.getValue(), ends))
				.toList();
			groups.add(new Snapshot.ShareGroup(id, description.groupState().toString(), description.groupEpoch(),
					description.targetAssignmentEpoch(), members, partitions));
		}
		return groups;
	}

	// a partition the group has not fetched from yet has no state
	private static Snapshot.SharePartition partition(TopicPartition partition, @Nullable SharePartitionOffsetInfo info,
			Map<TopicPartition, Long> ends) {
		return new Snapshot.SharePartition(partition.topic(), partition.partition(),
				(info != null) ? info.startOffset() : null, ends.getOrDefault(partition, 0L),
				(info != null) ? info.lag().orElse(null) : null);
	}

	private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
