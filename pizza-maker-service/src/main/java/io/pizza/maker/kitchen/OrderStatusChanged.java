package io.pizza.maker.kitchen;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved on in the kitchen: the value the maker publishes to the status topic,
 * keyed by order id.
 *
 * @param status {@code BAKING} or {@code BAKED}
 * @param by the maker instance
 * @param at when
 */
record OrderStatusChanged(UUID orderId, String status, String by, Instant at) {

}
