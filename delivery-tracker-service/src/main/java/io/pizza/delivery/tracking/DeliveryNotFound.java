package io.pizza.delivery.tracking;

import java.util.UUID;

/**
 * No position of the order asked for is known.
 */
class DeliveryNotFound extends RuntimeException {

	DeliveryNotFound(UUID orderId) {
		super("No position known for order " + orderId
				+ " (unknown, not on its way yet, or delivered over an hour ago)");
	}

}
