/**
 * What every room of order-service speaks of: an order as published ({@link OrderPlaced},
 * with its headers), its statuses, where it lies in the log and how clients read it.
 */
package io.pizza.order.orders;
