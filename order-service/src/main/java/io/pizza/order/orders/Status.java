package io.pizza.order.orders;

/**
 * Where an order is, in the order it gets there. {@link #PENDING} and {@link #NOT_PLACED}
 * are known only to the instance that sent the order: the brokers have not acknowledged
 * it yet, or the producer gave up on it.
 */
public enum Status {

	PENDING, NOT_PLACED, PLACED, BAKING, BAKED, OUT_FOR_DELIVERY, DELIVERED

}
