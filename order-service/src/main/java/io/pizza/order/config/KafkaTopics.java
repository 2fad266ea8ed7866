package io.pizza.order.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topics the order service writes, created at start-up when missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic ordersTopic(OrderServiceProperties properties) {
		return topic(properties.ordersTopic());
	}

	@Bean
	NewTopic rowsTopic(OrderServiceProperties properties) {
		return topic(properties.rowsTopic());
	}

	private static NewTopic topic(OrderServiceProperties.Topic topic) {
		return TopicBuilder.name(topic.name())
			.partitions(topic.partitions())
			.replicas(topic.replicas())
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()))
			.build();
	}

}
