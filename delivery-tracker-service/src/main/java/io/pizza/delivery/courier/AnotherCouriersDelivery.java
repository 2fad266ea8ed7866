package io.pizza.delivery.courier;

/**
 * A position reported for a delivery another courier is on: a courier moves only its own.
 */
class AnotherCouriersDelivery extends RuntimeException {

	AnotherCouriersDelivery() {
		super("This delivery is another courier's; a courier reports positions of its own deliveries alone.");
	}

}
