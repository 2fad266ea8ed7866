package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An order placed with a shop, as billing reads it from the orders topic, priced by
 * order-service's menu when it was taken: billing charges what was agreed and keeps no
 * menu of its own. An order without an id, a shop, a time, pizzas or a price for each of
 * them and their toppings, whose total is not what its lines add up to, or beyond the
 * menu's limits (order-service takes no more, and a record written by anything else may
 * hold a million pizzas) cannot be billed: reading it fails, and the record goes to
 * billing's dead-letter topic as it came.
 *
 * @param pizzas what was ordered, priced
 * @param currency the ISO 4217 code of every price
 * @param total what the pizzas and their toppings add up to
 * @param placedAt when the order was accepted
 */
record OrderPlaced(UUID orderId, String shop, List<Pizza> pizzas, String currency, BigDecimal total, Instant placedAt) {

	/** The most pizzas in an order, as the contract's {@code order-limits.json} says. */
	static final int MAX_PIZZAS = 10;

	/** The most extra toppings on a pizza, as {@code order-limits.json} says. */
	static final int MAX_TOPPINGS = 5;

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(shop, "shop is missing");
		Objects.requireNonNull(placedAt, "placedAt is missing");
		Objects.requireNonNull(currency, "currency is missing");
		Objects.requireNonNull(total, "total is missing");
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
		BigDecimal sum = pizzas.stream().map(Pizza::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(total) != 0) {
			throw new IllegalArgumentException("the pizzas add up to " + sum + ", not to the total " + total);
		}
	}

	/**
	 * The lines of the order's bill: each pizza, then its extra toppings.
	 * @return the lines, in the order's order
	 */
	List<BillLine> lines() {
		List<BillLine> lines = new ArrayList<>();
		for (int n = 0; n < this.pizzas.size(); n++) {
			Pizza pizza = this.pizzas.get(n);
			lines.add(BillLine.pizza(n + 1, pizza.name(), pizza.price()));
			for (Topping topping : pizza.toppings()) {
				lines.add(BillLine.topping(n + 1, topping.name(), topping.price()));
			}
		}
		return lines;
	}

	/**
	 * A pizza ordered.
	 *
	 * @param name the pizza's name
	 * @param price what the pizza costs, without its extra toppings
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, BigDecimal price, List<Topping> toppings) {

		Pizza {
			Objects.requireNonNull(name, "a pizza's name is missing");
			Price.check(price, name);
			toppings = (toppings != null) ? List.copyOf(toppings) : List.of();
		}

		BigDecimal total() {
			return this.toppings.stream().map(Topping::price).reduce(this.price, BigDecimal::add);
		}

	}

	/**
	 * An extra topping on a pizza.
	 *
	 * @param name the topping's name
	 * @param price what it costs on this pizza
	 */
	record Topping(String name, BigDecimal price) {

		Topping {
			Objects.requireNonNull(name, "a topping's name is missing");
			Price.check(price, name);
		}

		/**
		 * A topping as records written before prices travelled with orders name it: it
		 * has no price, and cannot be billed.
		 * @param name the topping's name
		 * @return never
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Topping named(String name) {
			return new Topping(name, null);
		}

	}

	private static final class Price {

		static void check(BigDecimal price, String item) {
			if (price == null) {
				throw new IllegalArgumentException("no price for '" + item + "'");
			}
			if (price.signum() < 0 || price.stripTrailingZeros().scale() > 2) {
				throw new IllegalArgumentException(price + " is no price in cents for '" + item + "'");
			}
		}

	}

}
