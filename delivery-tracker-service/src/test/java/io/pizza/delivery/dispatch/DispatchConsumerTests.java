package io.pizza.delivery.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.pizza.testing.RealKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, the dispatch group's consumer holding records it fetched for a
 * partition now paused: its poll waits out its timeout instead of spinning a core, and
 * the records held are read once the partition is resumed. Waiting takes some 20 ms of
 * the thread's CPU in those 2 s; the new protocol's consumer spinning, some 600 ms of the
 * thread's alone.
 */
@SpringJUnitConfig(RealKafka.class)
class DispatchConsumerTests {

	private static final int RECORDS = 50;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void aPollOverAPausedPartitionWithRecordsHeldWaitsInsteadOfSpinning() throws Exception {
		String topic = "dispatch-consumer-" + UUID.randomUUID();
		write(topic);
		Properties properties = DispatchConsumer.properties();
		properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1"));
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			// one record handed over, the others fetched with it and held
			AtomicInteger read = new AtomicInteger();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> read.addAndGet(consumer.poll(Duration.ofMillis(200)).count()) > 0);
			consumer.pause(consumer.assignment());

			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long wallBefore = System.nanoTime();
			ConsumerRecords<String, String> paused = consumer.poll(Duration.ofSeconds(2));
			long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
			long wall = System.nanoTime() - wallBefore;

			assertThat(paused.isEmpty()).isTrue();
			assertThat(Duration.ofNanos(wall)).isGreaterThan(Duration.ofMillis(1900));
			assertThat(Duration.ofNanos(cpu)).as("CPU time of a 2 s poll over a paused partition")
				.isLessThan(Duration.ofNanos(wall / 10));

			consumer.resume(consumer.assignment());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> read.addAndGet(consumer.poll(Duration.ofMillis(200)).count()) == RECORDS);
		}
	}

	private void write(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < RECORDS; i++) {
				producer.send(new ProducerRecord<>(topic, "order-" + i));
			}
			producer.flush();
		}
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
