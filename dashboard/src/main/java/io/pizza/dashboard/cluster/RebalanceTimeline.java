package io.pizza.dashboard.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The changes of groups' members as the dashboard sees them, look after look: who left,
 * who joined, and how long until every partition of the group had an owner again. Its
 * times are as fine as the dashboard's refresh.
 */
class RebalanceTimeline {

	private static final int KEPT = 50;

	// member id -> instance, per group, as last seen
	private final Map<String, Map<String, String>> members = new HashMap<>();

	private final Map<String, Change> open = new HashMap<>();

	private final Deque<Change> changes = new ArrayDeque<>();

	/**
	 * Takes a look at the groups in.
	 * @param groups the groups as they are now
	 * @param now when they were looked at
	 * @return the latest changes, newest first
	 */
	synchronized List<Snapshot.Rebalance> update(List<Snapshot.Group> groups, Instant now) {
		for (Snapshot.Group group : groups) {
			Map<String, String> current = group.members()
				.stream()
				.collect(Collectors.toMap(Snapshot.Member::id, Snapshot.Member::instance, (a, b) -> a));
			Map<String, String> before = this.members.put(group.id(), current);
			if (before != null && !before.keySet().equals(current.keySet())) {
				List<String> joined = current.entrySet()
					.stream()
					.filter((member) -> !before.containsKey(member.getKey()))
					.map(Map.Entry::getValue)
					.sorted()
					.toList();
				List<String> left = before.entrySet()
					.stream()
					.filter((member) -> !current.containsKey(member.getKey()))
					.map(Map.Entry::getValue)
					.sorted()
					.toList();
				Change change = this.open.get(group.id());
				if (change == null) {
					change = new Change(group.id(), now);
					this.open.put(group.id(), change);
					this.changes.addFirst(change);
					if (this.changes.size() > KEPT) {
						this.changes.removeLast();
					}
				}
				change.joined.addAll(joined);
				change.left.addAll(left);
			}
			Change change = this.open.get(group.id());
			boolean allOwned = !group.lag().isEmpty() && group.lag().stream().allMatch((lag) -> lag.owner() != null);
			if (change != null) {
				change.partitions = group.lag().size();
				if (allOwned) {
					change.ownedAgainAfter = Duration.between(change.at, now);
					this.open.remove(group.id());
				}
			}
		}
		return this.changes.stream().map(Change::toRebalance).toList();
	}

	private static final class Change {

		private final String group;

		private final Instant at;

		private final List<String> joined = new ArrayList<>();

		private final List<String> left = new ArrayList<>();

		private int partitions;

		private Duration ownedAgainAfter;

		private Change(String group, Instant at) {
			this.group = group;
			this.at = at;
		}

		Snapshot.Rebalance toRebalance() {
			return new Snapshot.Rebalance(this.group, this.at, List.copyOf(this.joined), List.copyOf(this.left),
					this.partitions, (this.ownedAgainAfter != null) ? this.ownedAgainAfter.toMillis() : null);
		}

	}

}
