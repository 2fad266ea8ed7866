package io.pizza.order.orders;

import java.util.UUID;

/**
 * The brokers did not acknowledge an order in time: it was not accepted.
 */
class OrderNotStored extends RuntimeException {

	OrderNotStored(UUID orderId, Throwable cause) {
		super("Order " + orderId + " was not acknowledged by the Kafka cluster", cause);
	}

}
