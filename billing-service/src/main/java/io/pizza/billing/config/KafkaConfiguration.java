package io.pizza.billing.config;

import io.pizza.billing.system.DatabaseOutage;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Billing's Kafka wiring. Records are read as bytes and turned into orders by the
 * listener, so a record that is not an order still has its original bytes when it goes to
 * the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	NewTopic deadLetterTopic(BillingProperties properties) {
		BillingProperties.Topic topic = properties.deadLetterTopic();
		return TopicBuilder.name(topic.name())
			.partitions(topic.partitions())
			.replicas(topic.replicas())
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()))
			.build();
	}

	@Bean
	RecordMessageConverter orderConverter() {
		return new ByteArrayJacksonJsonMessageConverter();
	}

	/**
	 * While the database is away, the failed order is tried again and again, with a
	 * growing pause, and nothing after it is read: no offset moves, nothing is skipped.
	 * An order that cannot be billed (unreadable, an unknown pizza) goes to the
	 * dead-letter topic at once, any other failure after three tries; billing then goes
	 * on with the next order.
	 */
	@Bean
	CommonErrorHandler billingErrorHandler(KafkaTemplate<Object, Object> template, BillingProperties properties) {
		String deadLetterTopic = properties.deadLetterTopic().name();
		// same partition as the original: the dead-letter topic has as many
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.warn("[{}] {}-{}@{} cannot be billed, sent to {}: {}", properties.instanceId(), record.topic(),
					record.partition(), record.offset(), deadLetterTopic, rootCause(ex));
			recoverer.accept(record, ex);
		}, new FixedBackOff(500, 2));
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		BackOff untilBack = untilDatabaseIsBack(properties.databaseRetry());
		handler.setBackOffFunction((record, ex) -> DatabaseOutage.causedIt(ex) ? untilBack : null);
		handler.setRetryListeners((record, ex, attempt) -> {
			if (DatabaseOutage.causedIt(ex)) {
				log.warn("[{}] {}-{}@{} database unavailable (try {}), billing waits for it: {}",
						properties.instanceId(), record.topic(), record.partition(), record.offset(), attempt,
						rootCause(ex));
			}
		});
		return handler;
	}

	private static BackOff untilDatabaseIsBack(BillingProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initial().toMillis(), 2.0);
		backOff.setMaxInterval(retry.max().toMillis());
		return backOff;
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
