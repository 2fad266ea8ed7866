package io.pizza.maker.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The maker's Kafka wiring: the status topic it declares, one transactional producer for
 * status events and dead letters, what happens to a record that fails, and the rebalance
 * log.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic statusTopic(PizzaMakerProperties properties) {
		return newTopic(properties.statusTopic());
	}

	@Bean
	NewTopic deadLetterTopic(PizzaMakerProperties properties) {
		return newTopic(properties.deadLetterTopic());
	}

	private static NewTopic newTopic(PizzaMakerProperties.Topic topic) {
		return TopicBuilder.name(topic.name())
			.partitions(topic.partitions())
			.replicas(topic.replicas())
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()))
			.build();
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
	 * A record that cannot be read (not JSON, fields missing) goes to the dead-letter
	 * topic at once, with its original bytes and the error in its headers; any other
	 * failure is retried in place, blocking the partition so that a shop's orders stay in
	 * order, and dead-lettered after the last try. Either way the maker goes on with the
	 * next record, and the dead letter and the offset are committed in one transaction.
	 */
	@Bean
	AfterRollbackProcessor<Object, Object> deadLetters(KafkaTemplate<Object, Object> template,
			PizzaMakerProperties properties) {
		String deadLetterTopic = properties.deadLetterTopic().name();
		// same partition as the original: the dead-letter topic has as many
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxElapsedTime(5_000);
		return new DefaultAfterRollbackProcessor<>(recoverer, backOff, template, true);
	}

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> rebalanceLogging(
			PizzaMakerProperties properties) {
		RebalanceLogging logging = new RebalanceLogging(properties.instanceId());
		return (container) -> container.getContainerProperties().setConsumerRebalanceListener(logging);
	}

}
