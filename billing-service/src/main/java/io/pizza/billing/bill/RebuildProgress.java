package io.pizza.billing.bill;

/**
 * How far a rebuild of the bills has to go.
 *
 * @param ordersLeft the records of the orders topic billing has not read yet
 * @param caughtUp whether billing has read the whole topic
 */
record RebuildProgress(long ordersLeft, boolean caughtUp) {

	static RebuildProgress of(long ordersLeft) {
		return new RebuildProgress(ordersLeft, ordersLeft == 0);
	}

}
