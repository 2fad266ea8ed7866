package io.pizza.order.book;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved on, as the service reads it from the status topic.
 *
 * @param orderId the order's id
 * @param status the status reached, such as {@code BAKED}
 * @param by the instance that moved it
 * @param at when
 */
record OrderStatusChanged(UUID orderId, String status, String by, Instant at) {

}
