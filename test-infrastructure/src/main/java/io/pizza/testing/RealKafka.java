package io.pizza.testing;

import java.util.Arrays;
import java.util.Map;

import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker for a test's application context: the official {@code apache/kafka}
 * image through Testcontainers when Docker runs, an in-process KRaft broker otherwise.
 * Either way the application finds it through {@link KafkaConnectionDetails}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealKafka {

	/** The image at the Kafka version of the clients. */
	public static final String IMAGE = "apache/kafka:4.1.2";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	KafkaContainer kafkaContainer() {
		return new KafkaContainer(IMAGE);
	}

	@Bean(destroyMethod = "destroy")
	@Conditional(DockerUnavailable.class)
	EmbeddedKafkaBroker embeddedKafkaBroker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000",
				"group.consumer.session.timeout.ms", "6000", "group.consumer.min.session.timeout.ms", "3000",
				"group.consumer.heartbeat.interval.ms", "1000", "group.consumer.min.heartbeat.interval.ms", "500"));
		broker.afterPropertiesSet();
		return broker;
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
		return () -> Arrays.asList(broker.getBrokersAsString().split(","));
	}

}
