/**
 * The order service's settings and its Kafka topics.
 */
package io.pizza.order.config;
