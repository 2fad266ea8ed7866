package io.pizza.billing.bill;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order placed with a shop, as billing reads it from the orders topic. An order
 * without an id, a shop, a time or pizzas, or beyond the menu's limits (order-service
 * takes no more, and a record written by anything else may hold a million pizzas) cannot
 * be billed: reading it fails, and the record goes to billing's dead-letter topic as it
 * came.
 *
 * @param orderId the order's id
 * @param shop the shop
 * @param pizzas what was ordered
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, Instant placedAt) {

	/** The most pizzas in an order, as the menu has it. */
	static final int MAX_PIZZAS = 10;

	/** The most extra toppings on a pizza, as the menu has it. */
	static final int MAX_TOPPINGS = 5;

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(shop, "shop is missing");
		Objects.requireNonNull(placedAt, "placedAt is missing");
		if (pizzas == null || pizzas.isEmpty()) {
			throw new IllegalArgumentException("pizzas are missing");
		}
		if (pizzas.size() > MAX_PIZZAS) {
			throw new IllegalArgumentException(pizzas.size() + " pizzas: at most " + MAX_PIZZAS + " in an order");
		}
		for (Pizza pizza : pizzas) {
			if (pizza.toppings().size() > MAX_TOPPINGS) {
				throw new IllegalArgumentException(
						pizza.toppings().size() + " extra toppings: at most " + MAX_TOPPINGS + " on a pizza");
			}
		}
	}

	/**
	 * A pizza ordered.
	 *
	 * @param name the pizza's name
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, List<String> toppings) {

		Pizza {
			Objects.requireNonNull(name, "a pizza's name is missing");
			toppings = (toppings != null) ? List.copyOf(toppings) : List.of();
		}

	}

}
