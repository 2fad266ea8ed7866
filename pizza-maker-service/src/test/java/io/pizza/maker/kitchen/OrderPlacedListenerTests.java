package io.pizza.maker.kitchen;

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
 * A maker reads the order-service's contract from a real broker and logs one line per
 * order, with its instance, topic, partition and offset.
 */
@SpringBootTest(properties = { "pizza-maker.instance-id=maker-under-test",
		"spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer" })
@Import({ RealKafka.class, OrderPlacedListenerTests.Topics.class })
@ExtendWith(OutputCaptureExtension.class)
class OrderPlacedListenerTests {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void logsEachOrderWithItsPartitionAndOffset(CapturedOutput output) throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		RecordMetadata sent = this.kafka.send("pizza-orders", "Luigis Pizza", order).get().getRecordMetadata();
		String line = "[maker-under-test] pizza-orders-%d@%d shop='Luigis Pizza' order=0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42 pizzas=[Margherita, Diavola]"
			.formatted(sent.partition(), sent.offset());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(line));
		assertThat(output.getOut()).contains("[maker-under-test] partitions assigned:");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic orders() {
			return TopicBuilder.name("pizza-orders").partitions(6).replicas(1).build();
		}

	}

}
