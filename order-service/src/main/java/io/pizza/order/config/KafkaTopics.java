package io.pizza.order.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the topics the order service writes, created at start-up when missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic ordersTopic(OrderServiceProperties properties) {
		return properties.ordersTopic().newTopic();
	}

	@Bean
	NewTopic placementsTopic(OrderServiceProperties properties) {
		return properties.placementsTopic().newTopic();
	}

	@Bean
	NewTopic rowsTopic(OrderServiceProperties properties) {
		return properties.rowsTopic().newTopic();
	}

}
