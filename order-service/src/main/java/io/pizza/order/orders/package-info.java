/**
 * Placing an order: the HTTP intake and its publication to Kafka.
 */
package io.pizza.order.ordering;
