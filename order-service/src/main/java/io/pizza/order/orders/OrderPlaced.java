package io.pizza.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was placed: the value published to the orders topic, keyed by shop. The topic
 * is the system of record; order-service's tables are built from it.
 *
 * @param orderId the order's id
 * @param shop the shop that bakes it, also the record's key
 * @param customer who ordered
 * @param pizzas what was ordered
 * @param placedAt when the order was accepted
 */
public record OrderPlaced(UUID orderId, String shop, Customer customer, List<Pizza> pizzas, Instant placedAt) {

	static OrderPlaced of(UUID orderId, PlaceOrder request, Instant placedAt) {
		return new OrderPlaced(orderId, request.shop(),
				new Customer(request.customer().name(), request.customer().phone(), request.customer().address()),
				request.pizzas().stream().map((pizza) -> new Pizza(pizza.name(), pizza.toppings())).toList(), placedAt);
	}

	/**
	 * The customer of an order.
	 *
	 * @param name the customer's name
	 * @param phone a phone number
	 * @param address where to deliver
	 */
	public record Customer(String name, String phone, String address) {
	}

	/**
	 * A pizza of an order.
	 *
	 * @param name the pizza's name on the menu
	 * @param toppings the extra toppings
	 */
	public record Pizza(String name, List<String> toppings) {
	}

}
