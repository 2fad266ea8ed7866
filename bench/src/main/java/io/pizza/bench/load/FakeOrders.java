package io.pizza.bench.load;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders as the talk's fake pizza producer made them: a shop, a customer with a name, a
 * phone and an address, up to 10 pizzas with up to 5 extra toppings each, all from the
 * menu. The same seed gives the same orders.
 */
final class FakeOrders {

	static final int MAX_PIZZAS = 10;

	static final int MAX_TOPPINGS = 5;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Menu menu;

	private final Random random;

	private final Faker faker;

	FakeOrders(Menu menu, long seed) {
		this.menu = menu;
		this.random = new Random(seed);
		this.faker = new Faker(Locale.ITALY, new Random(seed));
	}

	Menu menu() {
		return this.menu;
	}

	/**
	 * The next order, as the JSON body of {@code POST /orders}.
	 * @return the order
	 */
	synchronized String next() {
		ObjectNode order = json.createObjectNode();
		order.put("shop", pick(this.menu.shops()));
		ObjectNode customer = order.putObject("customer");
		customer.put("name", this.faker.name().fullName());
		customer.put("phone", this.faker.phoneNumber().cellPhone());
		customer.put("address", this.faker.address().streetAddress() + ", Milano");
		ArrayNode pizzas = order.putArray("pizzas");
		for (int n = 1 + this.random.nextInt(MAX_PIZZAS); n > 0; n--) {
			ObjectNode pizza = pizzas.addObject();
			pizza.put("name", pick(this.menu.pizzas().keySet()));
			ArrayNode toppings = pizza.putArray("toppings");
			for (int t = this.random.nextInt(MAX_TOPPINGS + 1); t > 0; t--) {
				toppings.add(pick(this.menu.toppings().keySet()));
			}
		}
		return order.toString();
	}

	private String pick(Collection<String> items) {
		return List.copyOf(items).get(this.random.nextInt(items.size()));
	}

}
