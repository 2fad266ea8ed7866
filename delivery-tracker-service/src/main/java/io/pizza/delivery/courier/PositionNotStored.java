package io.pizza.delivery.courier;

/**
 * The brokers did not acknowledge a position in time.
 */
class PositionNotStored extends RuntimeException {

	PositionNotStored(Throwable cause) {
		super("The Kafka cluster did not acknowledge the position in time", cause);
	}

}
