package io.pizza.billing.bill;

import java.time.Instant;

import io.pizza.billing.config.BillingProperties;

import org.springframework.stereotype.Component;

/**
 * What makes an order's bill: its lines at the prices the order carries, in the currency
 * billing keeps its books in. The same rules for the listener and for a rebuild.
 */
@Component
class Billing {

	private final BillingProperties properties;

	Billing(BillingProperties properties) {
		this.properties = properties;
	}

	/**
	 * The bill of an order.
	 * @param order the order, as read
	 * @param partition the partition of the orders topic it was read from
	 * @param offset its offset there
	 * @param billedAt when it is billed
	 * @return its bill
	 * @throws IllegalArgumentException when the order can never be billed
	 */
	Bill billOf(OrderPlaced order, int partition, long offset, Instant billedAt) {
		if (!order.currency().equals(this.properties.currency())) {
			throw new IllegalArgumentException(
					"priced in " + order.currency() + ", billing keeps its books in " + this.properties.currency());
		}
		return new Bill(order.orderId(), order.shop(), order.lines(), order.currency(), order.placedAt(), billedAt,
				partition, offset);
	}

}
