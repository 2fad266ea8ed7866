package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status partition read again after it changed hands tells which orders still need a
 * courier and which courier is on the road since when; its committed offset never passes
 * an order not delivered. It hands the couriers a bounded number of orders at a time and
 * says when it is full, so that the rest waits in the log.
 */
class OpenDeliveriesTests {

	private static final TopicPartition P0 = new TopicPartition("pizza-order-status", 0);

	private static final Instant LEFT = Instant.parse("2026-12-02T12:00:00Z");

	private final OpenDeliveries open = new OpenDeliveries(100);

	@Test
	void aReplayedPartitionSendsNobodyAndThenTakesUpWhatWasLeftOldestFirst() {
		this.open.assigned(P0, 100, 106);
		assertThat(read(100, 1, "BAKED")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(read(101, 2, "BAKED")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(read(102, 1, "OUT_FOR_DELIVERY")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(read(103, 3, "BAKED")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(read(104, 3, "OUT_FOR_DELIVERY")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(read(105, 3, "DELIVERED")).isEqualTo(Reading.NOTHING_TO_DO);
		assertThat(this.open.replaying(P0)).isTrue();

		List<OpenDelivery> left = this.open.caughtUp(P0, 106);
		assertThat(left).containsExactly(new OpenDelivery(P0, order(1), 100, "courier-1", LEFT, null),
				new OpenDelivery(P0, order(2), 101, null, null, null));
		assertThat(this.open.replaying(P0)).isFalse();
		assertThat(this.open.caughtUp(P0, 107)).as("taken up once").isEmpty();
		// from here on, an order baked needs a courier now, once
		assertThat(read(106, 4, "BAKED")).isEqualTo(Reading.SEND);
		assertThat(read(107, 4, "BAKED")).isEqualTo(Reading.OPEN_ALREADY);
	}

	@Test
	void aPartitionHandsTheCouriersAtMostItsBoundAndPausesUntilOneIsDelivered() {
		OpenDeliveries two = new OpenDeliveries(2);
		two.assigned(P0, 0, 0);
		assertThat(read(two, 0, 1, "BAKED")).isEqualTo(Reading.SEND);
		assertThat(two.full(P0)).isFalse();
		assertThat(read(two, 1, 2, "BAKED")).isEqualTo(Reading.SEND);
		assertThat(two.full(P0)).isTrue();
		assertThat(read(two, 2, 3, "BAKED")).as("read before the pause took effect").isEqualTo(Reading.HELD);
		assertThat(read(two, 3, 4, "BAKED")).isEqualTo(Reading.HELD);
		read(two, 4, 3, "DELIVERED");

		assertThat(two.delivered(P0, order(1))).as("the oldest held back still open")
			.contains(new OpenDelivery(P0, order(4), 3, null, null, null));
		assertThat(two.full(P0)).isTrue();
		assertThat(two.delivered(P0, order(2))).isEmpty();
		assertThat(two.full(P0)).isFalse();
		assertThat(two.toCommit()).as("at order 4, not delivered").isEqualTo(Map.of(P0, 3L));
	}

	@Test
	void aReplayTakesUpEveryCourierOnTheRoadFirstAndWaitingOrdersUpToTheBound() {
		OpenDeliveries one = new OpenDeliveries(1);
		one.assigned(P0, 0, 5);
		read(one, 0, 1, "BAKED");
		read(one, 1, 2, "BAKED");
		read(one, 2, 3, "BAKED");
		read(one, 3, 2, "OUT_FOR_DELIVERY");
		read(one, 4, 4, "BAKED");
		assertThat(one.full(P0)).as("a replay must reach its end").isFalse();

		assertThat(one.caughtUp(P0, 5)).as("a courier on the road rides on, and takes the one place")
			.containsExactly(new OpenDelivery(P0, order(2), 1, "courier-2", LEFT, null));
		assertThat(one.full(P0)).isTrue();
		assertThat(one.delivered(P0, order(2))).contains(new OpenDelivery(P0, order(1), 0, null, null, null));
		assertThat(one.delivered(P0, order(1))).contains(new OpenDelivery(P0, order(3), 2, null, null, null));
		assertThat(one.delivered(P0, order(3))).contains(new OpenDelivery(P0, order(4), 4, null, null, null));
		assertThat(one.delivered(P0, order(4))).isEmpty();
		assertThat(one.full(P0)).isFalse();
	}

	@Test
	void theCommittedOffsetStaysAtTheOldestOrderNotDelivered() {
		this.open.assigned(P0, 0, 0);
		read(0, 1, "BAKED");
		read(1, 2, "BAKED");
		read(2, 1, "OUT_FOR_DELIVERY");
		read(3, 2, "OUT_FOR_DELIVERY");
		assertThat(this.open.toCommit()).as("order 1 not delivered").isEmpty();
		this.open.delivered(P0, order(2));
		assertThat(this.open.toCommit()).as("order 1 still on the road").isEmpty();
		this.open.delivered(P0, order(1));
		read(4, 1, "DELIVERED");
		assertThat(this.open.toCommit()).isEqualTo(Map.of(P0, 5L));
		assertThat(this.open.toCommit()).as("nothing moved").isEmpty();
	}

	@Test
	void aPartitionHandedOverGivesUpItsOrders() {
		this.open.assigned(P0, 0, 0);
		read(0, 1, "BAKED");
		read(1, 2, "BAKED");
		read(2, 2, "DELIVERED");
		assertThat(this.open.owns(P0, order(1))).isTrue();
		assertThat(this.open.revoked(List.of(P0))).containsExactly(order(1));
		assertThat(this.open.owns(P0, order(1))).isFalse();
		assertThat(this.open.toCommit()).isEmpty();
	}

	private Reading read(long offset, int order, String status) {
		return read(this.open, offset, order, status);
	}

	private static Reading read(OpenDeliveries open, long offset, int order, String status) {
		return open.read(P0, offset, order(order), status, "courier-" + order, LEFT, null);
	}

	private static UUID order(int n) {
		return new UUID(0, n);
	}

}
