package io.pizza.maker.kitchen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;

/**
 * A poll that outlives its transaction's timeout, as one does while the brokers fail
 * over: the brokers abort the transaction and fence the maker's producer though the maker
 * still owns its partitions. The order of that poll is baked all the same, once, when the
 * kitchen starts again from the committed offsets.
 */
@SpringBootTest(properties = { "pizza-maker-service.instance-id=maker-slow",
		"pizza-maker-service.status-topic.replicas=1", "pizza-maker-service.dead-letter-topic.replicas=1",
		"pizza-maker-service.baking-time-per-pizza=0ms", "spring.kafka.consumer.group-id=pizza-makers-fenced",
		"spring.kafka.producer.properties.transaction.timeout.ms=2000" })
@Import({ RealKafka.class, MakersGroupTests.Topics.class })
class FencedTransactionTests {

	private static final String CONTRACT_ID = "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42";

	@Autowired
	KafkaConnectionDetails kafka;

	@MockitoSpyBean
	Kitchen kitchen;

	@Test
	void anOrderWhoseTransactionTimedOutIsBakedOnceAfterAll() throws Exception {
		// the first poll, its reports sent in the transaction, then takes far longer
		// than the transaction may
		AtomicBoolean first = new AtomicBoolean(true);
		willAnswer((call) -> {
			Object baked = call.callRealMethod();
			if (first.getAndSet(false)) {
				new CountDownLatch(1).await(6, TimeUnit.SECONDS);
			}
			return baked;
		}).given(this.kitchen).bake(any());
		String orderId = UUID.randomUUID().toString();
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"))
			.replace(CONTRACT_ID, orderId);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> !baked(orderId).isEmpty());
		assertThat(first).isFalse();
		assertThat(baked(orderId)).hasSize(1);
	}

	private List<String> baked(String orderId) {
		return TopicContents.readAll(bootstrap(), "pizza-order-status")
			.stream()
			.map((record) -> record.value())
			.filter((value) -> value.contains(orderId) && value.contains("\"BAKED\""))
			.toList();
	}

	private String bootstrap() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
