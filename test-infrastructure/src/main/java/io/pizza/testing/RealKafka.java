package io.pizza.testing;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A real Kafka broker for a test's application context: the official {@code apache/kafka}
 * image through Testcontainers when Docker runs, an in-process KRaft broker otherwise.
 * Either way the application finds it through {@link KafkaConnectionDetails}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealKafka {

	/** The image at the Kafka version of the clients. */
	public static final String IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

	/**
	 * A share group's record lock may be as short as a second: tests wait for one to end.
	 */
	private static final String SHORTEST_RECORD_LOCK = "1000";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	KafkaContainer kafkaContainer() {
		return new KafkaContainer(IMAGE).withEnv("KAFKA_GROUP_SHARE_MIN_RECORD_LOCK_DURATION_MS", SHORTEST_RECORD_LOCK);
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	InProcessKafka inProcessKafka() throws Exception {
		return new InProcessKafka(Map.ofEntries(Map.entry("auto.create.topics.enable", "false"),
				Map.entry("group.initial.rebalance.delay.ms", "0"), Map.entry("offsets.topic.replication.factor", "1"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"),
				Map.entry("group.consumer.session.timeout.ms", "6000"),
				Map.entry("group.consumer.min.session.timeout.ms", "3000"),
				Map.entry("group.consumer.heartbeat.interval.ms", "1000"),
				Map.entry("group.consumer.min.heartbeat.interval.ms", "500"),
				Map.entry("group.share.min.record.lock.duration.ms", SHORTEST_RECORD_LOCK)));
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	KafkaConnectionDetails inProcessKafkaConnectionDetails(InProcessKafka broker) {
		return () -> List.of(broker.bootstrapServers().split(","));
	}

}
