/**
 * The delivery tracker: order status in, couriers' positions out.
 */
package io.pizza.delivery;
