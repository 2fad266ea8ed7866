package io.pizza.order.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the status listener copes with a record it cannot handle: a record about an order
 * not committed yet is retried after a pause; one that can never be handled (unreadable,
 * an unknown status) is logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	@Bean
	CommonErrorHandler kafkaErrorHandler() {
		DefaultErrorHandler handler = new DefaultErrorHandler(new FixedBackOff(500, 20));
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

}
