/**
 * The order service: REST intake of pizza orders, published to Kafka keyed by shop.
 */
package io.pizza.order;
