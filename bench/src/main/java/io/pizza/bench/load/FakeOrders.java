package io.pizza.bench.load;

import java.util.ArrayList;
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
 * <p>
 * The customers are a thousand regulars made up front: a fake name, phone and address
 * cost the load generator nearly a millisecond of CPU each (the phone number is parsed
 * and formatted by libphonenumber), a third of what it spent at 250 orders/s, taken from
 * the services it measures on the same cores.
 */
final class FakeOrders {

	// the contract's largest order (contracts/pizza-orders/order-limits.json), which
	// FakeOrdersTests holds these to
	static final int MAX_PIZZAS = 10;

	static final int MAX_TOPPINGS = 5;

	static final int CUSTOMERS = 1000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Menu menu;

	private final Random random;

	private final List<ObjectNode> customers = new ArrayList<>(CUSTOMERS);

	FakeOrders(Menu menu, long seed) {
		this.menu = menu;
		this.random = new Random(seed);
		Faker faker = new Faker(Locale.ITALY, new Random(seed));
		for (int n = 0; n < CUSTOMERS; n++) {
			ObjectNode customer = json.createObjectNode();
			customer.put("name", faker.name().fullName());
			customer.put("phone", faker.phoneNumber().cellPhone());
			customer.put("address", faker.address().streetAddress() + ", Milano");
			this.customers.add(customer);
		}
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
		order.set("customer", this.customers.get(this.random.nextInt(CUSTOMERS)));
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
