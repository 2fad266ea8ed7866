package io.pizza.order.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pizza.order.menu.Menu;
import io.pizza.order.orders.OrderPlaced;
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
	 * The order this request places, priced as the menu has it now.
	 * @param orderId the id it is given
	 * @param placedAt when it was taken
	 * @return the order to publish
	 */
	OrderPlaced placed(UUID orderId, Menu menu, Instant placedAt) {
		List<OrderPlaced.Pizza> ordered = this.pizzas.stream()
			.map((pizza) -> new OrderPlaced.Pizza(pizza.name(), menu.pizzaPrice(pizza.name()),
					pizza.toppings()
						.stream()
						.map((name) -> new OrderPlaced.Topping(name, menu.toppingPrice(name)))
						.toList()))
			.toList();
		return new OrderPlaced(orderId, this.shop,
				new OrderPlaced.Customer(this.customer.name(), this.customer.phone(), this.customer.address()), ordered,
				Menu.CURRENCY, ordered.stream().map(OrderPlaced.Pizza::total).reduce(BigDecimal.ZERO, BigDecimal::add),
				placedAt);
	}

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
