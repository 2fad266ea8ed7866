/**
 * Orders as table rows with their schema, for Kafka Connect's JDBC sink.
 */
package io.pizza.order.rows;
