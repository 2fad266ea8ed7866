package io.pizza.delivery.dispatch;

import java.util.UUID;

/**
 * An order was baked that this instance has not read from the orders topic (yet).
 */
class UnknownOrder extends RuntimeException {

	UnknownOrder(UUID orderId) {
		super("Order " + orderId + " not read from the orders topic (yet)");
	}

}
