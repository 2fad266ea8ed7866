/**
 * Sending couriers: a courier for each order baked, and the deliveries a tracker owns
 * handed over safely when its partitions move.
 */
package io.pizza.delivery.dispatch;
