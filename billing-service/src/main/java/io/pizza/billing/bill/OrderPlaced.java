package io.pizza.billing.bill;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order placed with a shop, as billing reads it from the orders topic. An order
 * without an id, a shop, a time or pizzas cannot be billed: reading it fails, and the
 * record goes to billing's dead-letter topic as it came.
 *
 * @param orderId the order's id
 * @param shop the shop
 * @param pizzas what was ordered
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, Instant placedAt) {

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(shop, "shop is missing");
		Objects.requireNonNull(placedAt, "placedAt is missing");
		if (pizzas == null || pizzas.isEmpty()) {
			throw new IllegalArgumentException("pizzas are missing");
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
