package io.pizza.order.intake;

import java.util.UUID;

/**
 * A keyed request whose claim on its order id could not be made and read back in time:
 * nothing was sent, and whether the key was used before is not known yet.
 */
class KeyUndecided extends RuntimeException {

	KeyUndecided(UUID orderId, Throwable cause) {
		super("Order " + orderId + " was not placed: its Idempotency-Key could not be claimed (" + cause.getMessage()
				+ ")", cause);
	}

}
