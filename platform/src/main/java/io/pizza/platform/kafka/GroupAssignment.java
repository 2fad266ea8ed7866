package io.pizza.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Which member of a consumer group owns which partitions of a topic, as the group's
 * coordinator says, and whether that is where the group is going.
 *
 * @param state the group's state
 * @param owned each member's partitions of the topic, by member (consumer) id
 * @param target where the coordinator is moving each member (consumer protocol, KIP-848);
 * the same as {@code owned} for a classic group, whose members own what they were given
 */
public record GroupAssignment(GroupState state, Map<String, Set<Integer>> owned, Map<String, Set<Integer>> target) {

	/**
	 * Reads a group's assignment of one topic.
	 * @param admin the cluster's admin client
	 * @param group the consumer group
	 * @return the assignment
	 * @throws InterruptedException if interrupted while waiting for the cluster
	 * @throws ExecutionException if the cluster could not answer
	 */
	public static GroupAssignment of(Admin admin, String group, String topic)
			throws InterruptedException, ExecutionException {
		ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
			.describedGroups()
			.get(group)
			.get();
		Map<String, Set<Integer>> owned = description.members()
			.stream()
			.collect(Collectors.toMap(MemberDescription::consumerId,
					(member) -> partitions(member.assignment(), topic)));
		Map<String, Set<Integer>> target = description.members()
			.stream()
			.collect(Collectors.toMap(MemberDescription::consumerId,
					(member) -> member.targetAssignment()
						.map((assignment) -> partitions(assignment, topic))
						.orElseGet(() -> owned.get(member.consumerId()))));
		return new GroupAssignment(description.groupState(), owned, target);
	}

	/**
	 * Whether every partition of the topic has an owner, and every member owns what the
	 * coordinator means it to: no partition is on its way from one member to another.
	 * @param partitions how many partitions the topic has
	 * @return whether the group is settled
	 */
	public boolean settled(int partitions) {
		long assigned = this.owned.values().stream().mapToLong(Set::size).sum();
		return this.state == GroupState.STABLE && this.owned.equals(this.target) && assigned == partitions;
	}

	private static Set<Integer> partitions(MemberAssignment assignment, String topic) {
		return Optional.ofNullable(assignment)
			.map(MemberAssignment::topicPartitions)
			.orElse(Set.of())
			.stream()
			.filter((partition) -> partition.topic().equals(topic))
			.map(TopicPartition::partition)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
