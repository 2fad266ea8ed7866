/**
 * The book: order-service's tables, a read model built from the orders and status topics.
 * It tells the intake what it stored by an event ({@link OrdersStored}), never by a call.
 */
package io.pizza.order.book;
