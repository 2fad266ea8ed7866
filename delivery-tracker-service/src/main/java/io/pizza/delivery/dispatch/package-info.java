/**
 * Sending couriers: where orders go, and a courier for each order baked.
 */
package io.pizza.delivery.dispatch;
