package io.pizza.maker.kitchen;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.pizza.maker.config.PizzaMakerProperties;

/**
 * An order placed with a shop, as the kitchen reads it from the orders topic. An order
 * without an id, a shop or pizzas cannot be baked, and one larger than the contract's
 * largest order ({@link PizzaMakerProperties#MAX_PIZZAS} pizzas, each with at most
 * {@link PizzaMakerProperties#MAX_TOPPINGS} extra toppings) would hold the oven past the
 * transaction's timeout: reading it fails, and the record goes to the dead-letter topic
 * as it came.
 *
 * @param pizzas what to bake
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, Instant placedAt) {

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(shop, "shop is missing");
		if (pizzas == null || pizzas.isEmpty()) {
			throw new IllegalArgumentException("pizzas are missing");
		}
		if (pizzas.size() > PizzaMakerProperties.MAX_PIZZAS) {
			throw new IllegalArgumentException(
					pizzas.size() + " pizzas: at most " + PizzaMakerProperties.MAX_PIZZAS + " in an order");
		}
		for (Pizza pizza : pizzas) {
			if (pizza.toppings() != null && pizza.toppings().size() > PizzaMakerProperties.MAX_TOPPINGS) {
				throw new IllegalArgumentException(pizza.toppings().size() + " extra toppings: at most "
						+ PizzaMakerProperties.MAX_TOPPINGS + " on a pizza");
			}
		}
	}

	/**
	 * A pizza to bake.
	 *
	 * @param name the pizza's name
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, List<Topping> toppings) {
	}

	/**
	 * An extra topping (the kitchen needs no price).
	 *
	 * @param name the topping's name
	 */
	record Topping(String name) {

		/**
		 * A topping as records written before prices travelled with orders name it.
		 * @param name the topping's name
		 * @return the topping
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Topping named(String name) {
			return new Topping(name);
		}

	}

}
