package io.pizza.order.intake;

import java.util.UUID;

/**
 * An order the Kafka producer did not take or the brokers refused: it is not on the
 * brokers, and a retry cannot double it.
 */
class OrderNotSent extends RuntimeException {

	OrderNotSent(UUID orderId, Throwable cause) {
		super("Order " + orderId + " was not placed: " + cause.getMessage(), cause);
	}

}
