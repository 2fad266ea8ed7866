/**
 * Every service's Kafka habits: the topics it owns described in one shape, a failed poll
 * taken again as its settings say, a failure told in one line.
 */
package io.pizza.support.kafka;
