package io.pizza.billing.bill;

import java.util.UUID;

/**
 * No bill has the order id asked for: the order is unknown, or not billed yet.
 */
class BillNotFound extends RuntimeException {

	BillNotFound(UUID orderId) {
		super("No bill for order " + orderId + " (unknown, or not billed yet)");
	}

}
