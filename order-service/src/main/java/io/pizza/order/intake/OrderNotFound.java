package io.pizza.order.intake;

import java.util.UUID;

/**
 * No order has the id asked for.
 */
class OrderNotFound extends RuntimeException {

	OrderNotFound(UUID orderId) {
		super("No order " + orderId);
	}

}
