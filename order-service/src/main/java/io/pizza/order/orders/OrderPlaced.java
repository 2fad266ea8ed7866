package io.pizza.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * An order was placed: the value published to the orders topic, keyed by shop. The topic
 * is the system of record; order-service's tables are built from it. Each pizza and extra
 * topping carries the price the menu showed when the order was taken: billing charges
 * what was agreed, whatever the menu says later.
 *
 * @param orderId the order's id
 * @param shop the shop that bakes it, also the record's key
 * @param customer who ordered
 * @param pizzas what was ordered, priced
 * @param currency the ISO 4217 code of every price
 * @param total what the pizzas and their toppings add up to
 * @param placedAt when the order was accepted
 */
public record OrderPlaced(UUID orderId, String shop, Customer customer, List<Pizza> pizzas, String currency,
		BigDecimal total, Instant placedAt) {

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
	 * @param price what the pizza costs, without its extra toppings
	 * @param toppings the extra toppings
	 */
	public record Pizza(String name, BigDecimal price, List<Topping> toppings) {

		/**
		 * The extra toppings' names, in the order they were asked for.
		 * @return the names
		 */
		public List<String> toppingNames() {
			return this.toppings.stream().map(Topping::name).toList();
		}

		/**
		 * What the pizza costs with its extra toppings.
		 * @return the sum of their prices
		 */
		public BigDecimal total() {
			return this.toppings.stream().map(Topping::price).reduce(this.price, BigDecimal::add);
		}

	}

	/**
	 * An extra topping on a pizza.
	 *
	 * @param name the topping's name on the menu
	 * @param price what it costs on this pizza
	 */
	public record Topping(String name, @Nullable BigDecimal price) {

		/**
		 * A topping as records written before prices travelled with orders name it:
		 * without its price.
		 * @param name the topping's name
		 * @return the topping
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Topping named(String name) {
			return new Topping(name, null);
		}

	}

}
