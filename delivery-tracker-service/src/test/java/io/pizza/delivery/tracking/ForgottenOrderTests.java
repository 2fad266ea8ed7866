package io.pizza.delivery.tracking;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.pizza.delivery.destination.Destinations;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order baked long after it was placed, when the tracker no longer keeps where it goes
 * (here it keeps two orders): the tracker reads its record back from where its status
 * says it is, or, when the status does not say, reads the orders topic again from its
 * start; either way the order is delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-forgetful",
				"delivery-tracker-service.positions-topic.replicas=1",
				"delivery-tracker-service.courier.interval=200ms", "delivery-tracker-service.courier.trip=1s",
				"delivery-tracker-service.orders-kept=2", "delivery-tracker-service.missing-order-after=1s",
				"spring.kafka.consumer.auto-offset-reset=earliest" })
@Import({ RealKafka.class, PizzaTopics.class })
@ExtendWith(OutputCaptureExtension.class)
class ForgottenOrderTests {

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	Destinations destinations;

	@Test
	void anOrderBakedAfterItWasForgottenIsReadBackFromWhereItsStatusSaysAndDelivered(CapturedOutput output) {
		UUID early = UUID.randomUUID();
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		RecordMetadata placed = kitchen.orderPlaced(early, "Luigis Pizza", "Via Larga 4, Milano");
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		kitchen.orderPlaced(second, "Luigis Pizza", "Via Larga 5, Milano");
		kitchen.orderPlaced(third, "Luigis Pizza", "Via Larga 6, Milano");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.destinations.of(third).isPresent());
		assertThat(this.destinations.of(early)).as("forgotten to make room").isEmpty();

		kitchen.baked(early, placed);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(early)).hasSize(2));
		assertThat(output.getOut())
			.contains("pizza-orders-%d@%d order=%s read back".formatted(placed.partition(), placed.offset(), early))
			.doesNotContain("such as order=" + early);
	}

	@Test
	void anOrderBakedAfterItWasForgottenIsFoundAgainAndDelivered() {
		UUID early = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		// one shop: one partition, read in this order
		kitchen.orderPlaced(early, "Marios Pizza", "Via Larga 1, Milano");
		kitchen.orderPlaced(second, "Marios Pizza", "Via Larga 2, Milano");
		kitchen.orderPlaced(third, "Marios Pizza", "Via Larga 3, Milano");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.destinations.of(third).isPresent());
		assertThat(this.destinations.of(early)).as("forgotten to make room").isEmpty();

		kitchen.baked(early);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(early)).hasSize(2));
		assertThat(statuses(early)).anyMatch((value) -> value.contains("OUT_FOR_DELIVERY"))
			.anyMatch((value) -> value.contains("\"DELIVERED\""));
	}

	private List<String> statuses(UUID orderId) {
		return TopicContents.readAll(bootstrapServers(), "pizza-order-status")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()) && !record.value().contains("BAKED"))
			.map((record) -> record.value())
			.toList();
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
