package io.pizza.order.intake;

/**
 * An idempotency key sent again with another order than the first time.
 */
class IdempotencyKeyReused extends RuntimeException {

	IdempotencyKeyReused(String key) {
		super("Idempotency-Key '" + key + "' was already used for a different order");
	}

}
