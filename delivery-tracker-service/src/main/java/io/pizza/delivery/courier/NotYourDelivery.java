package io.pizza.delivery.courier;

/**
 * A position reported for a delivery the courier is not on: another courier's, or one
 * nobody dispatched to it. A courier moves only the deliveries it was sent on.
 */
class NotYourDelivery extends RuntimeException {

	NotYourDelivery(boolean another) {
		super(another ? "This delivery is another courier's; a courier reports positions of its own deliveries alone."
				: "This delivery was not dispatched to you; a courier reports positions of its own deliveries alone.");
	}

}
