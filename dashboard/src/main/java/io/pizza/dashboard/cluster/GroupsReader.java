package io.pizza.dashboard.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the consumer groups through Kafka's Admin API: each group's state and protocol,
 * on the new protocol its epochs, its members by instance with what each owns (and, on
 * the new protocol, what each is to own and its epoch), and its lag against the
 * partitions' end offsets.
 */
class GroupsReader {

	private final Admin admin;

	private final Duration timeout;

	GroupsReader(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	List<Snapshot.Group> read(Map<TopicPartition, Long> ends)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<String> ids = get(this.admin.listGroups().all()).stream()
			.filter((listing) -> listing.type()
				.map((type) -> type != GroupType.SHARE && type != GroupType.STREAMS)
				.orElse(true))
			// consumers only: Kafka Connect's workers form a classic group of protocol
			// type "connect", which describeConsumerGroups refuses (an empty group has
			// none)
			.filter((listing) -> listing.protocol().isEmpty() || listing.protocol().equals("consumer"))
			.map(GroupListing::groupId)
			.sorted()
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, ConsumerGroupDescription> descriptions = get(this.admin.describeConsumerGroups(ids).all());
		List<Snapshot.Group> groups = new ArrayList<>();
		for (String id : ids) {
			ConsumerGroupDescription description = descriptions.get(id);
			Map<TopicPartition, String> owners = new HashMap<>();
			List<Snapshot.Member> members = description.members()
				.stream()
				.sorted(Comparator.comparing(MemberDescription::clientId))
				.map((member) -> {
					String instance = instance(member.clientId());
					Set<TopicPartition> owned = member.assignment().topicPartitions();
					owned.forEach((partition) -> owners.put(partition, instance));
					return new Snapshot.Member(member.consumerId(), instance, member.host(),
							member.memberEpoch().orElse(null), names(owned),
							member.targetAssignment().map((target) -> names(target.topicPartitions())).orElse(null));
				})
				.toList();
			Map<TopicPartition, OffsetAndMetadata> committed = get(
					this.admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata());
			groups.add(new Snapshot.Group(id, description.groupState().toString(),
					description.type().toString().toLowerCase(Locale.ROOT), description.groupEpoch().orElse(null),
					description.targetAssignmentEpoch().orElse(null), members, GroupLag.of(committed, owners, ends)));
		}
		return groups;
	}

	static List<String> names(Collection<TopicPartition> partitions) {
		return partitions.stream()
			.sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
			.map(TopicPartition::toString)
			.toList();
	}

	/**
	 * The instance a client id names: the services set their client id to their
	 * instance's name, and Spring Kafka adds the consumer's number.
	 */
	static String instance(String clientId) {
		return clientId.replaceFirst("-\\d+$", "");
	}

	private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
