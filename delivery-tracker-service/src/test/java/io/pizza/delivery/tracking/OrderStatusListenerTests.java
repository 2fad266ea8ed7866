package io.pizza.delivery.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.pizza.testing.RealKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracker follows status changes from a real broker, one log line each.
 */
@SpringBootTest(properties = { "delivery-tracker.instance-id=tracker-under-test",
		"spring.kafka.consumer.auto-offset-reset=earliest",
		"spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer" })
@Import({ RealKafka.class, OrderStatusListenerTests.Topics.class })
@ExtendWith(OutputCaptureExtension.class)
class OrderStatusListenerTests {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void logsEachStatusChange(CapturedOutput output) throws Exception {
		String orderId = "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42";
		String change = Files.readString(Path.of("../contracts/pizza-order-status/order-status-changed.json"));
		RecordMetadata sent = this.kafka.send("pizza-order-status", orderId, change).get().getRecordMetadata();
		String line = "[tracker-under-test] pizza-order-status-%d@%d order=%s BAKED by pizza-maker-1"
			.formatted(sent.partition(), sent.offset(), orderId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(line));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic status() {
			return TopicBuilder.name("pizza-order-status").partitions(6).replicas(1).build();
		}

	}

}
