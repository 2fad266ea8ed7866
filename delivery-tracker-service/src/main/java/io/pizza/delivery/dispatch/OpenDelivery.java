package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.UUID;

import io.pizza.delivery.destination.RecordPosition;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * An order baked and not delivered yet.
 *
 * @param partition the status partition it is on
 * @param offset where it was baked on that partition
 * @param courierId the courier carrying it, {@code null} while none left with it
 * @param leftAt when that courier left the shop
 * @param orderAt where its order's record is, {@code null} when the status did not say
 */
record OpenDelivery(TopicPartition partition, UUID orderId, long offset, @Nullable String courierId,
		@Nullable Instant leftAt, @Nullable RecordPosition orderAt) {
}
