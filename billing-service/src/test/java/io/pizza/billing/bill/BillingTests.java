package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TopicContents;
import io.pizza.testing.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing started after orders were placed reads the orders topic from its beginning (a
 * real broker) and keeps one bill per order in a real PostgreSQL, priced by the menu
 * customers see; what cannot be billed goes to the dead-letter topic as it came.
 */
@SpringBootTest(
		properties = { "spring.kafka.listener.auto-startup=false", "billing-service.dead-letter-topic.replicas=1" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class, PizzaTopics.class })
class BillingTests {

	private static final TheMenu menu = TheMenu.ofOrderService();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	Bills bills;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aLateStartedBillingBillsEveryEarlierOrderOnceByTheMenu() {
		Random random = new Random(7);
		Map<UUID, List<OrderPlaced.Pizza>> orders = new HashMap<>();
		Map<UUID, String> shops = new HashMap<>();
		List<Map.Entry<String, String>> records = new ArrayList<>();
		for (int n = 0; n < 24; n++) {
			UUID orderId = UUID.randomUUID();
			String shop = menu.shops().get(n % menu.shops().size());
			List<OrderPlaced.Pizza> pizzas = randomPizzas(random);
			orders.put(orderId, pizzas);
			shops.put(orderId, shop);
			records.add(new SimpleEntry<>(shop, OrderEvents.placed(orderId, shop, pizzas)));
		}
		// an order taken at another price than the menu's today (at a shop of its own,
		// out of the summary's sums below): billed as agreed
		UUID agreedOrder = UUID.randomUUID();
		List<OrderPlaced.Pizza> agreed = List.of(new OrderPlaced.Pizza("Margherita", new BigDecimal("5.00"),
				List.of(new OrderPlaced.Topping("olives", new BigDecimal("0.25")))));
		records.add(new SimpleEntry<>("Pizza Promo", OrderEvents.placed(agreedOrder, "Pizza Promo", agreed)));
		// a redelivered order, a record that is no order, orders whose prices are missing
		// or do not add up or in another currency, orders beyond the menu's limits
		records.add(records.get(3));
		records.add(records.get(10));
		String notAnOrder = "{\"orderId\": \"not-a-uuid\"";
		String unpriced = OrderEvents.placed(UUID.randomUUID(), "Marios Pizza", List.of(menu.pizza("Margherita")))
			.replaceFirst("\"price\":[0-9.]+,", "");
		String notAddingUp = OrderEvents.placed(UUID.randomUUID(), "Marios Pizza", List.of(menu.pizza("Diavola")),
				new BigDecimal("1.00"));
		String inDollars = OrderEvents.placed(UUID.randomUUID(), "Marios Pizza", List.of(menu.pizza("Diavola")))
			.replace("\"EUR\"", "\"USD\"");
		String elevenPizzas = OrderEvents.placed(UUID.randomUUID(), "Marios Pizza",
				Collections.nCopies(11, menu.pizza("Margherita")));
		String sixToppings = OrderEvents.placed(UUID.randomUUID(), "Marios Pizza",
				List.of(menu.pizza("Margherita", "tomato", "egg", "bacon", "olives", "garlic", "tuna")));
		List<String> unbillable = List.of(notAnOrder, unpriced, notAddingUp, inDollars, elevenPizzas, sixToppings);
		unbillable.forEach((record) -> records.add(new SimpleEntry<>("Marios Pizza", record)));
		new OrderEvents(bootstrapServers()).publish(records);

		assertThat(this.listeners.getListenerContainer("billing").isRunning()).isFalse();
		assertThat(this.bills.findAllById(orders.keySet())).isEmpty();
		this.listeners.getListenerContainer("billing").start();

		await().untilAsserted(() -> assertThat(this.bills.findAllById(orders.keySet())).hasSize(orders.size()));
		await().untilAsserted(() -> assertThat(TopicContents.readAll(bootstrapServers(), "pizza-orders.billing.DLT"))
			.extracting(ConsumerRecord::value)
			.containsExactlyInAnyOrderElementsOf(unbillable));
		await().untilAsserted(() -> assertThat(this.bills.findById(agreedOrder))
			.hasValueSatisfying((bill) -> assertThat(bill.getTotal()).isEqualByComparingTo(new BigDecimal("5.25"))));
		this.transactions.executeWithoutResult((status) -> {
			for (Bill bill : this.bills.findAllById(orders.keySet())) {
				List<OrderPlaced.Pizza> pizzas = orders.get(bill.getId());
				assertThat(bill.getShop()).isEqualTo(shops.get(bill.getId()));
				assertThat(bill.getTotal()).isEqualByComparingTo(menu.price(pizzas));
				assertThat(bill.getLines())
					.hasSize(pizzas.size() + pizzas.stream().mapToInt((pizza) -> pizza.toppings().size()).sum());
				assertThat(bill.getCurrency()).isEqualTo("EUR");
			}
		});
		// offsets are committed once the bills are: the group catches up with the topic
		await()
			.untilAsserted(() -> assertThat(TopicContents.lag(bootstrapServers(), "billing", "pizza-orders")).isZero());
		JsonNode summary = json.readTree(this.mvc.get()
			.uri("/bills/summary")
			.header(HttpHeaders.AUTHORIZATION, TestUser.STAFF.basic())
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		List<JsonNode> menuShops = new ArrayList<>();
		summary.get("shops").forEach((shop) -> {
			if (menu.shops().contains(shop.get("shop").asString())) {
				menuShops.add(shop);
			}
		});
		assertThat(menuShops).hasSize(menu.shops().size());
		for (JsonNode shop : menuShops) {
			BigDecimal expected = orders.entrySet()
				.stream()
				.filter((order) -> shops.get(order.getKey()).equals(shop.get("shop").asString()))
				.map((order) -> menu.price(order.getValue()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(shop.get("revenue").decimalValue()).isEqualByComparingTo(expected);
			assertThat(shop.get("bills").asLong()).isEqualTo(4);
		}
	}

	private static List<OrderPlaced.Pizza> randomPizzas(Random random) {
		List<String> pizzaNames = List.copyOf(menu.pizzas().keySet());
		List<String> toppingNames = List.copyOf(menu.toppings().keySet());
		List<OrderPlaced.Pizza> pizzas = new ArrayList<>();
		for (int n = 0; n < 1 + random.nextInt(4); n++) {
			List<String> toppings = new ArrayList<>();
			for (int t = 0; t < random.nextInt(4); t++) {
				toppings.add(toppingNames.get(random.nextInt(toppingNames.size())));
			}
			pizzas.add(menu.pizza(pizzaNames.get(random.nextInt(pizzaNames.size())), toppings.toArray(String[]::new)));
		}
		return pizzas;
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
