package io.pizza.billing.bill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders read from a real broker become bills in a real PostgreSQL, one per order even
 * when an order arrives twice.
 */
@SpringBootTest(
		properties = "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer")
@Import({ RealKafka.class, RealPostgres.class, BillingTests.Topics.class })
class BillingTests {

	private static final UUID ORDER_ID = UUID.fromString("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42");

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Bills bills;

	@Test
	void anOrderDeliveredTwiceIsBilledOnce() throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		String other = order.replace(ORDER_ID.toString(), "7a1d2c3b-0000-4000-8000-000000000001");
		this.kafka.send("pizza-orders", "Luigis Pizza", order).get();
		this.kafka.send("pizza-orders", "Luigis Pizza", order).get();
		this.kafka.send("pizza-orders", "Luigis Pizza", other).get();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.bills.count() == 2);
		Bill bill = this.bills.findById(ORDER_ID).orElseThrow();
		assertThat(bill.getShop()).isEqualTo("Luigis Pizza");
		assertThat(bill.getPizzas()).isEqualTo(2);
		assertThat(bill.getPlacedAt()).hasToString("2026-11-25T10:15:30.123456Z");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic orders() {
			return TopicBuilder.name("pizza-orders").partitions(6).replicas(1).build();
		}

	}

}
