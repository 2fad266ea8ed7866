package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bill as the API shows it.
 *
 * @param orderId the order billed
 * @param lines a line per pizza and per extra topping
 * @param total what the order costs
 * @param currency the currency of every amount
 * @param placedAt when the order was placed
 * @param billedAt when it was billed
 * @param partition the partition of the orders topic it was billed from
 * @param offset the order's offset there
 */
record BillView(UUID orderId, String shop, List<Line> lines, BigDecimal total, String currency, Instant placedAt,
		Instant billedAt, int partition, long offset) {

	static BillView of(Bill bill) {
		return new BillView(bill.getId(), bill.getShop(),
				bill.getLines()
					.stream()
					.map((line) -> new Line(line.pizza(), line.kind(), line.item(), line.price()))
					.toList(),
				bill.getTotal(), bill.getCurrency(), bill.getPlacedAt(), bill.getBilledAt(), bill.getKafkaPartition(),
				bill.getKafkaOffset());
	}

	/**
	 * A line of the bill.
	 *
	 * @param pizza the number of the pizza it belongs to, from 1
	 * @param kind a pizza, or an extra topping
	 * @param item the pizza's or topping's name
	 */
	record Line(int pizza, BillLine.Kind kind, String item, BigDecimal price) {
	}

}
