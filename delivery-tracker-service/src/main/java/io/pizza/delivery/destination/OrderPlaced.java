package io.pizza.delivery.destination;

import java.util.Objects;
import java.util.UUID;

/**
 * An order placed with a shop, as the tracker reads it from the orders topic: where it
 * comes from and where it goes.
 *
 * @param customer who ordered it
 */
record OrderPlaced(UUID orderId, String shop, Customer customer) {

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(shop, "shop is missing");
		Objects.requireNonNull(customer, "customer is missing");
	}

	/**
	 * Who ordered it.
	 *
	 * @param name the customer's name
	 * @param address where the pizzas go
	 */
	record Customer(String name, String address) {

		Customer {
			Objects.requireNonNull(address, "customer.address is missing");
		}

	}

}
