package io.pizza.support.security;

/**
 * The roles of the people and programs that use the services. A customer needs no
 * account: what a customer may do is open to anyone who holds what only the customer has
 * (an order's unguessable id).
 */
public final class Roles {

	/** Someone who orders: no more than anyone else may do. */
	public static final String CUSTOMER = "CUSTOMER";

	/** Delivers orders: reports its own position, for its own deliveries. */
	public static final String COURIER = "COURIER";

	/** Works in the shops: sees every order, the kitchen, the bills, every delivery. */
	public static final String STAFF = "STAFF";

	/** Runs the system: all that staff may, and the metrics. */
	public static final String ADMIN = "ADMIN";

	/** Every role there is, in order. */
	public static final String[] ALL = { CUSTOMER, COURIER, STAFF, ADMIN };

	private Roles() {
	}

}
