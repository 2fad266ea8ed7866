package io.pizza.billing.bill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order placed with a shop, as billing reads it from the orders topic.
 *
 * @param orderId the order's id
 * @param shop the shop
 * @param pizzas what was ordered
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, Instant placedAt) {

	/**
	 * A pizza ordered.
	 *
	 * @param name the pizza's name
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, List<String> toppings) {
	}

}
