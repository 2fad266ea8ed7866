package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved on, as the tracker reads it from the status topic.
 *
 * @param status the new status, such as {@code BAKED}
 * @param by the instance that moved it
 * @param at when
 */
record OrderStatusChanged(UUID orderId, String status, String by, Instant at) {

}
