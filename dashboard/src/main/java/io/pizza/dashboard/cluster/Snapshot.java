package io.pizza.dashboard.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The cluster at one moment, as the page draws it.
 *
 * @param at when it was looked at
 * @param brokers every node, up or down
 * @param controller the active controller (the KRaft quorum's leader), when known
 * @param quorumEpoch the quorum's leader epoch: one more at each election
 * @param topics every topic but Kafka's internal ones, partition by partition
 * @param groups every consumer group with its members, their partitions and the lag
 * @param rebalances the latest changes of groups' members, newest first
 * @param error what went wrong looking, when something did
 */
public record Snapshot(Instant at, List<Broker> brokers, @Nullable Integer controller, @Nullable Integer quorumEpoch,
		List<Topic> topics, List<Group> groups, List<Rebalance> rebalances, @Nullable String error) {

	/**
	 * A node of the cluster.
	 *
	 * @param id its node id
	 * @param address where it listens, when it is up
	 * @param up whether it is in the cluster's live brokers
	 * @param controller whether it is the active controller
	 */
	public record Broker(int id, @Nullable String address, boolean up, boolean controller) {
	}

	/**
	 * A topic.
	 *
	 * @param name its name
	 * @param partitions its partitions, in order
	 */
	public record Topic(String name, List<Partition> partitions) {
	}

	/**
	 * A partition of a topic.
	 *
	 * @param partition its number
	 * @param leader the broker leading it, none while it has no leader
	 * @param leaderEpoch its leader epoch, one more at each new leader, as its leader
	 * says
	 * @param replicas the brokers keeping a copy
	 * @param isr the replicas in sync with the leader
	 * @param endOffset the offset of its next record (committed records only)
	 * @param perSecond records added per second lately
	 */
	public record Partition(int partition, @Nullable Integer leader, @Nullable Integer leaderEpoch,
			List<Integer> replicas, List<Integer> isr, long endOffset, double perSecond) {
	}

	/**
	 * A consumer group.
	 *
	 * @param id its group id
	 * @param state its state (stable, reconciling, empty, ...)
	 * @param protocol {@code consumer} (the new protocol, KIP-848) or {@code classic}
	 * @param members its members
	 * @param lag each partition it has committed offsets for, with its owner and lag
	 */
	public record Group(String id, String state, String protocol, List<Member> members, List<Lag> lag) {
	}

	/**
	 * A member of a group.
	 *
	 * @param id the member id the coordinator gave it
	 * @param instance the instance it belongs to (its client id, without the consumer's
	 * number)
	 * @param host where it connects from
	 * @param partitions the partitions it owns, as {@code topic-partition}
	 */
	public record Member(String id, String instance, String host, List<String> partitions) {
	}

	/**
	 * How far a group is behind on one partition.
	 *
	 * @param topic the topic
	 * @param partition the partition
	 * @param committed the group's committed offset, none before its first commit
	 * @param end the partition's end offset
	 * @param lag records not committed yet
	 * @param owner the instance that owns the partition now, none when nobody does
	 */
	public record Lag(String topic, int partition, @Nullable Long committed, long end, long lag,
			@Nullable String owner) {
	}

	/**
	 * A change of a group's members, and how long its partitions went without an owner.
	 *
	 * @param group the group
	 * @param at when the dashboard saw it
	 * @param joined instances that joined
	 * @param left instances that left
	 * @param partitions how many partitions the group reads
	 * @param ownedAgainAfterMillis how long after {@code at} every partition had an owner
	 * again, none while some still have none
	 */
	public record Rebalance(String group, Instant at, List<String> joined, List<String> left, int partitions,
			@Nullable Long ownedAgainAfterMillis) {
	}

}
