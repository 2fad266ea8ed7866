package io.pizza.platform.kafka;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupAssignmentTests {

	@Test
	void isSettledWhenEveryPartitionIsOwnedWhereTheCoordinatorMeansIt() {
		Map<String, Set<Integer>> owned = Map.of("a", Set.of(0, 1, 2), "b", Set.of(3, 4, 5));
		assertThat(new GroupAssignment(GroupState.STABLE, owned, owned).settled(6)).isTrue();
	}

	@Test
	void isNotSettledWhileAPartitionIsOnItsWayToAnotherMember() {
		// the first member still owns what the coordinator means for the one that joined
		Map<String, Set<Integer>> owned = Map.of("a", Set.of(0, 1, 2, 3, 4, 5), "b", Set.of());
		Map<String, Set<Integer>> target = Map.of("a", Set.of(0, 1, 2), "b", Set.of(3, 4, 5));
		assertThat(new GroupAssignment(GroupState.STABLE, owned, target).settled(6)).isFalse();
	}

	@Test
	void isNotSettledWithAPartitionWithoutOwnerOrWhileTheGroupRebalances() {
		Map<String, Set<Integer>> some = Map.of("a", Set.of(0, 1, 2));
		assertThat(new GroupAssignment(GroupState.STABLE, some, some).settled(6)).isFalse();
		Map<String, Set<Integer>> all = Map.of("a", Set.of(0, 1, 2, 3, 4, 5));
		assertThat(new GroupAssignment(GroupState.RECONCILING, all, all).settled(6)).isFalse();
		assertThat(new GroupAssignment(GroupState.EMPTY, Map.of(), Map.of()).settled(6)).isFalse();
	}

}
