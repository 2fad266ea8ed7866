package io.pizza.dashboard.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads the cluster through Kafka's Admin API: who is up and who leads the quorum, every
 * topic's partitions with their leader, replicas, in-sync replicas and end offset, and
 * every consumer group ({@link GroupsReader}) and share group
 * ({@link ShareGroupsReader}).
 */
class ClusterReader {

	private final Admin admin;

	private final Duration timeout;

	// the quorum's voters: the nodes there should be, known while the quorum answers
	private final Set<Integer> voters = new TreeSet<>();

	private Map<TopicPartition, Long> previousEnds = Map.of();

	private Instant previousAt = Instant.EPOCH;

	private final GroupsReader groups;

	private final ShareGroupsReader shareGroups;

	ClusterReader(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
		this.groups = new GroupsReader(admin, timeout);
		this.shareGroups = new ShareGroupsReader(admin, timeout);
	}

	Snapshot read(Instant now) throws InterruptedException, ExecutionException, TimeoutException {
		Collection<Node> live = get(this.admin.describeCluster().nodes());
		Integer controller = null;
		Integer quorumEpoch = null;
		try {
			QuorumInfo quorum = get(this.admin.describeMetadataQuorum().quorumInfo());
			controller = quorum.leaderId();
			quorumEpoch = (int) quorum.leaderEpoch();
			quorum.voters().forEach((voter) -> this.voters.add(voter.replicaId()));
		}
		catch (ExecutionException | TimeoutException ex) {
			// no quorum leader for a moment: the brokers are still drawn
		}
		List<Snapshot.Broker> brokers = brokers(live, controller);
		Set<String> names = get(this.admin.listTopics().names());
		Map<String, TopicDescription> descriptions = get(this.admin.describeTopics(names).allTopicNames());
		List<TopicPartition> partitions = descriptions.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.toList();
		Map<TopicPartition, Long> ends = new HashMap<>();
		Map<TopicPartition, Integer> epochs = new HashMap<>();
		endOffsets(partitions, ends, epochs);
		List<Snapshot.Topic> topics = topics(descriptions, ends, epochs, now);
		List<Snapshot.Group> groups = this.groups.read(ends);
		List<Snapshot.ShareGroup> shareGroups = this.shareGroups.read(ends);
		this.previousEnds = ends;
		this.previousAt = now;
		return new Snapshot(now, brokers, controller, quorumEpoch, topics, groups, shareGroups, List.of(), null);
	}

	private List<Snapshot.Broker> brokers(Collection<Node> live, @Nullable Integer controller) {
		Map<Integer, Node> up = live.stream().collect(Collectors.toMap(Node::id, Function.identity()));
		Set<Integer> ids = new TreeSet<>(this.voters);
		ids.addAll(up.keySet());
		return ids.stream().map((id) -> {
			Node node = up.get(id);
			return new Snapshot.Broker(id, (node != null) ? node.host() + ":" + node.port() : null, node != null,
					id.equals(controller));
		}).toList();
	}

	// each partition's end offset, and its leader epoch as its leader gives it
	private void endOffsets(List<TopicPartition> partitions, Map<TopicPartition, Long> ends,
			Map<TopicPartition, Integer> epochs) throws InterruptedException {
		if (partitions.isEmpty()) {
			return;
		}
		ListOffsetsResult result = this.admin.listOffsets(
				partitions.stream().collect(Collectors.toMap(Function.identity(), (p) -> OffsetSpec.latest())),
				new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
		// a partition without a leader fails only its own answer: it keeps its last
		// offset
		for (TopicPartition partition : partitions) {
			try {
				ListOffsetsResult.ListOffsetsResultInfo info = get(result.partitionResult(partition));
				ends.put(partition, info.offset());
				info.leaderEpoch().ifPresent((epoch) -> epochs.put(partition, epoch));
			}
			catch (ExecutionException | TimeoutException ex) {
				ends.put(partition, this.previousEnds.getOrDefault(partition, 0L));
			}
		}
	}

	private List<Snapshot.Topic> topics(Map<String, TopicDescription> descriptions, Map<TopicPartition, Long> ends,
			Map<TopicPartition, Integer> epochs, Instant now) {
		double seconds = Math.max(0.001, (now.toEpochMilli() - this.previousAt.toEpochMilli()) / 1000.0);
		return descriptions.values().stream().sorted(Comparator.comparing(TopicDescription::name)).map((topic) -> {
			List<Snapshot.Partition> partitions = new ArrayList<>();
			for (TopicPartitionInfo info : topic.partitions()) {
				TopicPartition partition = new TopicPartition(topic.name(), info.partition());
				long end = ends.getOrDefault(partition, 0L);
				Long before = this.previousEnds.get(partition);
				double perSecond = (before != null && end >= before) ? (end - before) / seconds : 0;
				partitions.add(new Snapshot.Partition(info.partition(),
						(info.leader() != null && !info.leader().isEmpty()) ? info.leader().id() : null,
						epochs.get(partition), info.replicas().stream().map(Node::id).toList(),
						info.isr().stream().map(Node::id).toList(), end, perSecond));
			}
			return new Snapshot.Topic(topic.name(), partitions);
		}).toList();
	}

	private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
