package io.pizza.order.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * How the listeners cope with a poll they cannot finish: the database or the brokers
 * away. Every listener here takes a poll at a time and skips, itself, what it can never
 * handle (a record that is no order or no status), so what fails a poll is transient: it
 * is retried without end, with a back-off ({@code order-service.listener-retry}) and one
 * WARN line per attempt, holding its partitions meanwhile. order-service owns no
 * dead-letter topic: a record on the orders topic that is no order is dead-lettered by
 * the makers and billing, which act on orders.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	@Bean
	CommonErrorHandler kafkaErrorHandler(OrderServiceProperties properties) {
		DefaultErrorHandler handler = new DefaultErrorHandler(properties.listenerRetry().withoutEnd());
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

}
