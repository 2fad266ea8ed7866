package io.pizza.testing;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The shared topics a service reads but does not declare itself, as the platform creates
 * them (six partitions each), with one replica for a test's single broker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PizzaTopics {

	@Bean
	NewTopic pizzaOrdersTopic() {
		return TopicBuilder.name("pizza-orders").partitions(6).replicas(1).build();
	}

	@Bean
	NewTopic pizzaOrderStatusTopic() {
		return TopicBuilder.name("pizza-order-status").partitions(6).replicas(1).build();
	}

}
