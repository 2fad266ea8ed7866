package io.pizza.billing.bill;

import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.StoppablePostgres;
import io.pizza.testing.TopicContents;
import io.pizza.testing.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stopped while orders keep coming: billing bills nothing, commits no offset
 * and reports itself DOWN (its API answers 503); started again, it bills every order that
 * arrived meanwhile, each exactly once.
 */
@SpringBootTest(
		properties = { "billing-service.dead-letter-topic.replicas=1", "billing-service.database-retry.initial=200ms",
				"billing-service.database-retry.max=1s", "management.endpoint.health.show-components=always" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, StoppablePostgres.class, PizzaTopics.class })
class DatabaseOutageTests {

	private static final List<OrderPlaced.Pizza> PIZZAS = List.of(
			TheMenu.ofOrderService().pizza("Diavola", "olives", "garlic"),
			TheMenu.ofOrderService().pizza("Margherita"));

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	Bills bills;

	@Autowired
	MockMvcTester mvc;

	@Test
	void billingWaitsForTheDatabaseAndThenBillsEverythingThatArrivedOnce() {
		OrderEvents events = new OrderEvents(bootstrapServers());
		List<UUID> before = orders(3);
		events.publish(records(before));
		await().untilAsserted(() -> assertThat(this.bills.findAllById(before)).hasSize(3));
		await().untilAsserted(() -> assertThat(lag()).isZero());

		List<UUID> during = orders(8);
		StoppablePostgres.stop();
		try {
			assertThat(this.mvc.get().uri("/actuator/health")).hasStatus(503)
				.bodyJson()
				.extractingPath("$.components.db.status")
				.isEqualTo("DOWN");
			assertThat(this.mvc.get().uri("/bills/summary").header(HttpHeaders.AUTHORIZATION, TestUser.STAFF.basic()))
				.hasStatus(503)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.hasHeader("Retry-After", "5");
			List<Map.Entry<String, String>> records = records(during);
			records.add(records(before).get(0));
			events.publish(records);
			// nothing can be billed, so nothing is committed: the whole backlog stays
			await().during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(lag()).isEqualTo(records.size()));
		}
		finally {
			StoppablePostgres.start();
		}

		// the application's pool reconnects on its own schedule: until then reading fails
		// too
		await().atMost(Duration.ofSeconds(60))
			.ignoreException(CannotCreateTransactionException.class)
			.untilAsserted(() -> assertThat(this.bills.findAllById(during)).hasSize(during.size()));
		await().untilAsserted(() -> assertThat(lag()).isZero());
		assertThat(this.bills.findAllById(before)).hasSize(3);
		assertThat(this.bills.findAllById(during)).allSatisfy(
				(bill) -> assertThat(bill.getTotal()).isEqualByComparingTo(TheMenu.ofOrderService().price(PIZZAS)));
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	private static List<UUID> orders(int count) {
		List<UUID> orders = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			orders.add(UUID.randomUUID());
		}
		return orders;
	}

	private static List<Map.Entry<String, String>> records(List<UUID> orders) {
		List<Map.Entry<String, String>> records = new ArrayList<>();
		for (int n = 0; n < orders.size(); n++) {
			String shop = "Outage Pizza " + (n % 3);
			records.add(new SimpleEntry<>(shop, OrderEvents.placed(orders.get(n), shop, PIZZAS)));
		}
		return records;
	}

	private long lag() {
		return TopicContents.lag(bootstrapServers(), "billing", "pizza-orders");
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
