package io.pizza.order.ordering;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to an accepted order: where the brokers stored it.
 *
 * @param orderId the order's id
 * @param shop the shop, the record's key
 * @param status always {@code PLACED} at this point
 * @param partition the partition of the orders topic that holds the order
 * @param offset the order's offset in that partition
 * @param placedAt when the order was accepted
 */
record OrderAccepted(UUID orderId, String shop, String status, int partition, long offset, Instant placedAt) {

}
