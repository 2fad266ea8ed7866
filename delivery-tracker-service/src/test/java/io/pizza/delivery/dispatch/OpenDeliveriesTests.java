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
 * an order not delivered.
 */
class OpenDeliveriesTests {

	private static final TopicPartition P0 = new TopicPartition("pizza-order-status", 0);

	private static final Instant LEFT = Instant.parse("2026-12-02T12:00:00Z");

	private final OpenDeliveries open = new OpenDeliveries();

	@Test
	void aReplayedPartitionSendsNobodyAndThenTakesUpWhatWasLeftOldestFirst() {
		this.open.assigned(P0, 100, 106);
		assertThat(read(100, 1, "BAKED")).isFalse();
		assertThat(read(101, 2, "BAKED")).isFalse();
		assertThat(read(102, 1, "OUT_FOR_DELIVERY")).isFalse();
		assertThat(read(103, 3, "BAKED")).isFalse();
		assertThat(read(104, 3, "OUT_FOR_DELIVERY")).isFalse();
		assertThat(read(105, 3, "DELIVERED")).isFalse();
		assertThat(this.open.replaying(P0)).isTrue();

		List<OpenDelivery> left = this.open.caughtUp(P0, 106);
		assertThat(left).containsExactly(new OpenDelivery(P0, order(1), 100, "courier-1", LEFT),
				new OpenDelivery(P0, order(2), 101, null, null));
		assertThat(this.open.replaying(P0)).isFalse();
		assertThat(this.open.caughtUp(P0, 107)).as("taken up once").isEmpty();
		// from here on, an order baked needs a courier now, once
		assertThat(read(106, 4, "BAKED")).isTrue();
		assertThat(read(107, 4, "BAKED")).isFalse();
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

	private boolean read(long offset, int order, String status) {
		return this.open.read(P0, offset, order(order), status, "courier-" + order, LEFT);
	}

	private static UUID order(int n) {
		return new UUID(0, n);
	}

}
