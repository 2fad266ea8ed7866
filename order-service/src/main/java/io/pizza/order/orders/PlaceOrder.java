package io.pizza.order.ordering;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /orders}.
 *
 * @param shop the shop to order from
 * @param customer who orders
 * @param pizzas 1 to 10 pizzas
 */
record PlaceOrder(@NotBlank String shop, @Valid @NotNull Customer customer,
		@NotEmpty @Size(max = 10) List<@Valid @NotNull Pizza> pizzas) {

	/**
	 * Who orders.
	 *
	 * @param name 1 to 100 characters
	 * @param phone a phone number
	 * @param address where to deliver
	 */
	record Customer(@NotBlank @Size(max = 100) String name, @NotBlank String phone, @NotBlank String address) {
	}

	/**
	 * A pizza and its extra toppings.
	 *
	 * @param name the pizza's name
	 * @param toppings 0 to 5 extra toppings
	 */
	record Pizza(@NotBlank String name, @Size(max = 5) List<@NotBlank String> toppings) {

		Pizza {
			toppings = (toppings != null) ? List.copyOf(toppings) : List.of();
		}

	}

}
