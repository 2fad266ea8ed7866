package io.pizza.order.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the listeners cope with a record they cannot handle: a status about an order not
 * committed yet, or a row the brokers did not take, is retried after a pause; one that
 * can never be handled (unreadable, an unknown status) is skipped with one line in the
 * log. order-service owns no dead-letter topic: a record on the orders topic that is no
 * order is dead-lettered by the makers and billing, which act on orders.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

	@Bean
	CommonErrorHandler kafkaErrorHandler(OrderServiceProperties properties) {
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> log.warn("[{}] {}-{}@{} skipped: {}",
				properties.instanceId(), record.topic(), record.partition(), record.offset(), rootCause(ex)),
				new FixedBackOff(500, 20));
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
		return cause.getClass().getSimpleName() + ": " + message;
	}

}
