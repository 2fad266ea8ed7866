package io.pizza.bench.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fake orders are made like the talk's producer made them, from the menu only, no larger
 * than the contract's largest order, the same seed makes the same orders, and a backlog's
 * records are priced as order-service prices them.
 */
class FakeOrdersTests {

	private static final Menu MENU = new Menu(List.of("Marios Pizza", "Luigis Pizza"),
			prices("Margherita", "7.50", "Diavola", "9.00", "Mari & Monti", "11.50"),
			prices("olives", "1.00", "tuna", "1.80", "onion", "0.60", "egg", "1.00"));

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSameSeedMakesTheSameOrders() {
		FakeOrders first = new FakeOrders(MENU, 7);
		FakeOrders second = new FakeOrders(MENU, 7);
		FakeOrders other = new FakeOrders(MENU, 8);
		List<String> a = new ArrayList<>();
		List<String> b = new ArrayList<>();
		List<String> c = new ArrayList<>();
		for (int n = 0; n < 50; n++) {
			a.add(first.next());
			b.add(second.next());
			c.add(other.next());
		}
		assertThat(a).isEqualTo(b).isNotEqualTo(c);
	}

	@Test
	void theLargestOrderIsTheContractsLargest() throws IOException {
		JsonNode limits = json.readTree(Files.readString(Path.of("../contracts/pizza-orders/order-limits.json")));
		assertThat(FakeOrders.MAX_PIZZAS).isEqualTo(limits.get("pizzas").asInt());
		assertThat(FakeOrders.MAX_TOPPINGS).isEqualTo(limits.get("toppingsPerPizza").asInt());
	}

	@Test
	void ordersUpToTheLargestOrderFromTheMenu() {
		FakeOrders orders = new FakeOrders(MENU, 42);
		int mostPizzas = 0;
		int mostToppings = 0;
		for (int n = 0; n < 2000; n++) {
			JsonNode order = json.readTree(orders.next());
			assertThat(MENU.shops()).contains(order.get("shop").asString());
			assertThat(order.get("customer").get("name").asString()).isNotBlank();
			assertThat(order.get("customer").get("phone").asString()).isNotBlank();
			assertThat(order.get("customer").get("address").asString()).endsWith(", Milano");
			JsonNode pizzas = order.get("pizzas");
			assertThat(pizzas.size()).isBetween(1, FakeOrders.MAX_PIZZAS);
			mostPizzas = Math.max(mostPizzas, pizzas.size());
			for (JsonNode pizza : pizzas) {
				assertThat(MENU.pizzas()).containsKey(pizza.get("name").asString());
				assertThat(pizza.get("toppings").size()).isBetween(0, FakeOrders.MAX_TOPPINGS);
				mostToppings = Math.max(mostToppings, pizza.get("toppings").size());
				pizza.get("toppings").forEach((topping) -> assertThat(MENU.toppings()).containsKey(topping.asString()));
			}
		}
		assertThat(mostPizzas).isEqualTo(FakeOrders.MAX_PIZZAS);
		assertThat(mostToppings).isEqualTo(FakeOrders.MAX_TOPPINGS);
	}

	@Test
	void anOrderIsWrittenAsOrderServiceWritesItPricedByTheMenu() throws IOException {
		JsonNode request = json.readTree("""
				{"shop": "Marios Pizza", "customer": {"name": "Adele", "phone": "1", "address": "Via Roma 1"},
				 "pizzas": [{"name": "Mari & Monti", "toppings": ["tuna", "egg"]}, {"name": "Diavola", "toppings": []}]}
				""");
		UUID orderId = UUID.randomUUID();
		JsonNode placed = MENU.placed(request, orderId, Instant.parse("2026-12-02T10:00:00Z"));
		JsonNode contract = json.readTree(Files.readString(Path.of("../contracts/pizza-orders/order-placed.json")));
		assertThat(fieldNames(placed)).isEqualTo(fieldNames(contract));
		assertThat(placed.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(placed.get("pizzas").get(0).get("toppings").get(1).get("price").decimalValue())
			.isEqualByComparingTo("1.00");
		assertThat(placed.get("pizzas").get(1).get("toppings").isArray()).isTrue();
		assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("23.30");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>(node.propertyNames());
		node.get("pizzas").get(0).propertyNames().forEach((name) -> names.add("pizzas/" + name));
		return names;
	}

	private static Map<String, BigDecimal> prices(String... namesAndPrices) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		for (int n = 0; n < namesAndPrices.length; n += 2) {
			prices.put(namesAndPrices[n], new BigDecimal(namesAndPrices[n + 1]));
		}
		return prices;
	}

}
