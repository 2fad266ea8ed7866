package io.pizza.order.orders;

/**
 * The headers order-service writes on each order's record, beside its trace: what the
 * read model keeps of how the order was placed.
 */
public final class OrderHeaders {

	/** The instance that placed the order. */
	public static final String PLACED_BY = "placed-by";

	/** The digest of a request sent with an idempotency key. */
	public static final String FINGERPRINT = "request-fingerprint";

	private OrderHeaders() {
	}

}
