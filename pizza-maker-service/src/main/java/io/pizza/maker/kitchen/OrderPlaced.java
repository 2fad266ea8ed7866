package io.pizza.maker.kitchen;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order placed with a shop, as the kitchen reads it from the orders topic.
 *
 * @param orderId the order's id
 * @param shop the shop
 * @param pizzas what to bake
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, Instant placedAt) {

	/**
	 * A pizza to bake.
	 *
	 * @param name the pizza's name
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, List<String> toppings) {
	}

}
