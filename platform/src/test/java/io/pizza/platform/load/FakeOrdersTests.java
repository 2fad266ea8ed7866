package io.pizza.platform.load;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fake orders are made like the talk's producer made them, from the menu only, and the
 * same seed makes the same orders.
 */
class FakeOrdersTests {

	private static final Menu MENU = new Menu(List.of("Marios Pizza", "Luigis Pizza"),
			List.of("Margherita", "Diavola", "Mari & Monti"), List.of("olives", "tuna", "onion", "egg"));

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
	void ordersUpToTenPizzasWithUpToFiveToppingsFromTheMenu() {
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
				assertThat(MENU.pizzas()).contains(pizza.get("name").asString());
				assertThat(pizza.get("toppings").size()).isBetween(0, FakeOrders.MAX_TOPPINGS);
				mostToppings = Math.max(mostToppings, pizza.get("toppings").size());
				pizza.get("toppings").forEach((topping) -> assertThat(MENU.toppings()).contains(topping.asString()));
			}
		}
		assertThat(mostPizzas).isEqualTo(FakeOrders.MAX_PIZZAS);
		assertThat(mostToppings).isEqualTo(FakeOrders.MAX_TOPPINGS);
	}

}
