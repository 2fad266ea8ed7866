package io.pizza.billing.config;

import io.pizza.support.kafka.Failures;
import io.pizza.support.web.DatabaseOutage;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;

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
		return properties.deadLetterTopic().newTopic();
	}

	/**
	 * Where a record that can never be billed goes: billing's dead-letter topic, on the
	 * partition of the same number, as it came, with the reason in its headers.
	 */
	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<Object, Object> template,
			BillingProperties properties) {
		String deadLetterTopic = properties.deadLetterTopic().name();
		// same partition as the original: the dead-letter topic has as many
		return new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
	}

	/**
	 * The listener sends what can never be billed to the dead-letter topic itself, so a
	 * poll that fails was failed by something that passes: the database away, above all.
	 * The poll is tried again and again, with a growing pause and one line each time, and
	 * nothing after it is read: no offset moves, nothing is skipped, nothing
	 * dead-lettered.
	 */
	@Bean
	CommonErrorHandler billingErrorHandler(BillingProperties properties) {
		DefaultErrorHandler handler = new DefaultErrorHandler(properties.databaseRetry().withoutEnd());
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
				log.warn("[{}] {}-{}@{} not billed yet (try {}): {}", properties.instanceId(), record.topic(),
						record.partition(), record.offset(), attempt, reason(ex));
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
				log.warn("[{}] {} orders not billed yet (try {}), billing waits: {}", properties.instanceId(),
						records.count(), attempt, reason(ex));
			}

		});
		return handler;
	}

	private static String reason(Exception ex) {
		return (DatabaseOutage.causedIt(ex) ? "database unavailable: " : "") + Failures.describe(ex);
	}

}
