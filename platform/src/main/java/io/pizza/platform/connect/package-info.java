/**
 * The Kafka Connect worker and the connectors it makes from
 * {@code kafka-connect/connectors/}.
 */
package io.pizza.platform.connect;
