package io.pizza.delivery.config;

import io.pizza.support.kafka.Failures;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The tracker's Kafka wiring: the positions topic it declares, and what happens to a
 * record that fails.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	/**
	 * Positions are worth something for minutes: the topic keeps an hour of them, and at
	 * most 64 MiB per partition, whichever comes first. Retention deletes whole segments,
	 * so segments roll every 10 minutes to let the hour be an hour.
	 */
	@Bean
	NewTopic positionsTopic(DeliveryTrackerProperties properties) {
		return properties.positionsTopic().newTopic();
	}

	/**
	 * A record that fails is tried again
	 * ({@code delivery-tracker-service.listener-retry}) for
	 * {@code delivery-tracker-service.skip-after}, then logged and skipped (the
	 * dispatcher passes over what is not a status change itself). The tracker owns no
	 * dead-letter topic: every instance reads every order and position, so each would
	 * dead-letter the same record, and the records it reads come from producers that
	 * dead-letter or refuse bad input themselves.
	 */
	@Bean
	@Primary
	CommonErrorHandler trackerErrorHandler(DeliveryTrackerProperties properties) {
		return skipping(properties);
	}

	/**
	 * The dispatch's own: the same, but what it gives up on is not committed by the
	 * container, for the dispatch commits only what no open delivery lies behind (its
	 * {@code SafeCommits}); a record given up on is read again after a restart.
	 */
	@Bean
	CommonErrorHandler dispatchErrorHandler(DeliveryTrackerProperties properties) {
		DefaultErrorHandler handler = skipping(properties);
		handler.setAckAfterHandle(false);
		return handler;
	}

	private static DefaultErrorHandler skipping(DeliveryTrackerProperties properties) {
		return new DefaultErrorHandler(
				(record, ex) -> log.warn("[{}] {}-{}@{} skipped: {}", properties.instanceId(), record.topic(),
						record.partition(), record.offset(), Failures.describe(ex)),
				properties.listenerRetry().giveUpAfter(properties.skipAfter()));
	}

}
