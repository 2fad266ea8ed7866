package io.pizza.order.book;

import java.util.List;
import java.util.UUID;

/**
 * The read model stored orders, or had them already: those who kept them until it did may
 * forget them.
 *
 * @param orderIds the orders
 */
public record OrdersStored(List<UUID> orderIds) {
}
