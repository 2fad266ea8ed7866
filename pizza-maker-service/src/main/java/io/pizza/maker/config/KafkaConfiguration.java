package io.pizza.maker.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The maker's Kafka wiring: the status topic it declares, one transactional producer for
 * status events and dead letters, where a record that cannot be read goes, how a failed
 * poll is retried, how many orders a poll takes, and the rebalance log.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic statusTopic(PizzaMakerProperties properties) {
		return properties.statusTopic().newTopic();
	}

	@Bean
	NewTopic deadLetterTopic(PizzaMakerProperties properties) {
		return properties.deadLetterTopic().newTopic();
	}

	/**
	 * One producer writes both status events (as JSON) and dead letters (the original
	 * bytes, untouched), so both join the same Kafka transaction.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer valueSerializers() {
		Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
		serializers.put(byte[].class, new ByteArraySerializer());
		serializers.put(Object.class, new JacksonJsonSerializer<>().noTypeInfo());
		return (factory) -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
			.setValueSerializer(new DelegatingByTypeSerializer(serializers, true));
	}

	/**
	 * Where a record that cannot be read (not JSON, fields missing) goes: the dead-letter
	 * topic, on the partition of the same number, with its original bytes and the error
	 * in its headers. The listener sends it inside the poll's transaction, so the dead
	 * letter and the offset are committed together.
	 */
	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<Object, Object> template,
			PizzaMakerProperties properties) {
		String deadLetterTopic = properties.deadLetterTopic().name();
		return new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
	}

	/**
	 * A poll that fails (the brokers, the transaction) is rolled back and taken again
	 * from its first record, after a back-off ({@code pizza-maker-service.poll-retry}),
	 * without end: order per shop matters more than speed, and nothing that can never
	 * succeed gets this far.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> retryPolls(PizzaMakerProperties properties) {
		return new DefaultAfterRollbackProcessor<>(properties.pollRetry().withoutEnd());
	}

	/**
	 * A poll's baking must end well within the transaction's timeout: at most as many
	 * orders as fit in half of it if every order were of the largest size and all on one
	 * partition, and never more than {@code spring.kafka.consumer.max-poll-records}.
	 */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer pollsWithinTheTransaction(PizzaMakerProperties properties,
			KafkaProperties kafka) {
		return (factory) -> factory
			.updateConfigs(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords(properties, kafka)));
	}

	static int maxPollRecords(PizzaMakerProperties properties, KafkaProperties kafka) {
		Integer configured = kafka.getConsumer().getMaxPollRecords();
		Duration budget = Duration.ofMillis(
				Long.parseLong(kafka.getProducer().getProperties().getOrDefault("transaction.timeout.ms", "60000"))
						/ 2);
		return properties.ordersBakedWithin(budget,
				(configured != null) ? configured : ConsumerConfig.DEFAULT_MAX_POLL_RECORDS);
	}

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> rebalanceLogging(
			PizzaMakerProperties properties) {
		RebalanceLogging logging = new RebalanceLogging(properties.instanceId());
		return (container) -> {
			container.getContainerProperties().setConsumerRebalanceListener(logging);
			// see FencedRestart
			container.getContainerProperties().setStopContainerWhenFenced(true);
		};
	}

}
