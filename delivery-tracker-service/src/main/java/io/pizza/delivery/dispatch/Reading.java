package io.pizza.delivery.dispatch;

/**
 * What becomes of a status change read by {@link OpenDeliveries}.
 */
enum Reading {

	/** An order baked that needs a courier now. */
	SEND,

	/** An order baked that is open already: read twice, or replayed. */
	OPEN_ALREADY,

	/**
	 * An order baked held back: its partition has as many with the couriers as it may.
	 */
	HELD,

	/** Nothing for the couriers: a replayed record, or no order baked. */
	NOTHING_TO_DO

}
