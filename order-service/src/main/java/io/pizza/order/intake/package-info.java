/**
 * The intake: {@code POST /orders} checked against the rules and the menu, sent to the
 * orders topic keyed by shop, and answered only once the brokers have it; what an
 * instance keeps of an order until the book has it, and its notes to the other instances.
 */
package io.pizza.order.intake;
