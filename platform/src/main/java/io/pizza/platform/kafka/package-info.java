/**
 * The Kafka cluster: its three KRaft nodes, the system's topics as one description, and
 * how far a group is behind.
 */
package io.pizza.platform.kafka;
