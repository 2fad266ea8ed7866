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
 * @param shareGroups every share group with its members and where each partition's
 * records stand
 * @param rebalances the latest changes of groups' members, newest first
 * @param error what went wrong looking, when something did
 */
public record Snapshot(Instant at, List<Broker> brokers, @Nullable Integer controller, @Nullable Integer quorumEpoch,
		List<Topic> topics, List<Group> groups, List<ShareGroup> shareGroups, List<Rebalance> rebalances,
		@Nullable String error) {

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
	 * A topic, as the Admin API describes it.
	 *
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
	 * @param state its state (stable, assigning, reconciling, empty, ...)
	 * @param protocol {@code consumer} (the new protocol, KIP-848) or {@code classic}
	 * @param groupEpoch on the new protocol: one more at each change of its members or
	 * their subscriptions
	 * @param targetAssignmentEpoch on the new protocol: the group epoch the assignment
	 * the members reconcile towards was computed for; behind the group epoch while it is
	 * being computed
	 * @param lag each partition it has committed offsets for, with its owner and lag
	 */
	public record Group(String id, String state, String protocol, @Nullable Integer groupEpoch,
			@Nullable Integer targetAssignmentEpoch, List<Member> members, List<Lag> lag) {
	}

	/**
	 * A member of a group.
	 *
	 * @param id the member id the coordinator gave it
	 * @param instance the instance it belongs to (its client id, without the consumer's
	 * number)
	 * @param host where it connects from
	 * @param epoch on the new protocol: the member's epoch, the group's target assignment
	 * epoch once it has reconciled
	 * @param partitions the partitions it owns, as {@code topic-partition}
	 * @param assigned on the new protocol: the partitions the target assignment gives it,
	 * which it owns once it has revoked and taken what differs
	 */
	public record Member(String id, String instance, String host, @Nullable Integer epoch, List<String> partitions,
			@Nullable List<String> assigned) {
	}

	/**
	 * A share group (KIP-932): no partition is a member's own; the brokers hand out
	 * records one by one, each locked for the member that took it.
	 *
	 * @param id its group id
	 * @param groupEpoch one more at each change of its members
	 * @param targetAssignmentEpoch the group epoch its assignment was computed for
	 * @param partitions where each partition's records stand for the group
	 */
	public record ShareGroup(String id, String state, int groupEpoch, int targetAssignmentEpoch,
			List<ShareMember> members, List<SharePartition> partitions) {
	}

	/**
	 * A member of a share group.
	 *
	 * @param id the member id
	 * @param instance the instance it belongs to
	 * @param epoch its member epoch
	 * @param partitions the partitions it fetches from, shared with other members
	 */
	public record ShareMember(String id, String instance, int epoch, List<String> partitions) {
	}

	/**
	 * A partition as a share group consumes it.
	 *
	 * @param startOffset the share-partition start offset: every record before it is done
	 * with (acknowledged, or given up after its last delivery); none before the group
	 * first fetched from it
	 * @param end the partition's end offset
	 * @param lag records from the start offset on not yet done with: in flight with a
	 * member, waiting to be delivered, or released to be delivered again; none when the
	 * brokers do not say
	 */
	public record SharePartition(String topic, int partition, @Nullable Long startOffset, long end,
			@Nullable Long lag) {
	}

	/**
	 * How far a group is behind on one partition.
	 *
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
