/**
 * Tracking deliveries: couriers' positions read from Kafka and streamed to clients.
 */
package io.pizza.delivery.tracking;
