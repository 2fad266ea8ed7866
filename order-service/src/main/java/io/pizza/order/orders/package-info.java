/**
 * Orders: placed over HTTP and published to Kafka keyed by shop, kept in PostgreSQL with
 * the timeline of their status as the kitchen and the delivery report it.
 */
package io.pizza.order.orders;
