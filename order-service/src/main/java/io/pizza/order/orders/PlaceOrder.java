package io.pizza.order.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /orders}. Its annotations say what must be there (a request
 * without it is malformed: 400); {@link OrderRules} checks it against the menu and the
 * limits (422).
 *
 * @param shop the shop to order from
 * @param customer who orders
 * @param pizzas 1 to 10 pizzas
 */
record PlaceOrder(@NotBlank String shop, @Valid @NotNull Customer customer,
		@NotNull List<@Valid @NotNull Pizza> pizzas) {

	/**
	 * Who orders.
	 *
	 * @param name 1 to 100 characters
	 * @param phone a phone number
	 * @param address where to deliver
	 */
	record Customer(@NotNull String name, @NotBlank String phone, @NotBlank String address) {
	}

	/**
	 * A pizza and its extra toppings.
	 *
	 * @param name the pizza's name on the menu
	 * @param toppings 0 to 5 extra toppings from the menu
	 */
	record Pizza(@NotBlank String name, List<@NotBlank String> toppings) {

		Pizza {
			toppings = (toppings != null) ? List.copyOf(toppings) : List.of();
		}

	}

}
