package io.pizza.order.orders;

/**
 * Where an order is, in the order it gets there.
 */
enum Status {

	PLACED, BAKING, BAKED, OUT_FOR_DELIVERY, DELIVERED

}
