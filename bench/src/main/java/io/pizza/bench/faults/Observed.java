package io.pizza.bench.faults;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the system shows of a client's orders once the faults are healed and it is quiet:
 * the orders topic, the kitchen's and the couriers' statuses, the bills, and what
 * order-service answers for each order.
 *
 * @param log every record of the orders topic holding one of the client's orders
 * @param baked how many {@code BAKED} each order id has on the status topic
 * @param delivered how many {@code DELIVERED}
 * @param bills the total of each order id's bill
 * @param answered what {@code GET /orders/{id}} says of each order id the client was told
 * of: its status, or {@code NOT_FOUND}
 */
record Observed(List<Logged> log, Map<String, Integer> baked, Map<String, Integer> delivered,
		Map<String, BigDecimal> bills, Map<String, String> answered) {

	/**
	 * An order in the orders topic.
	 *
	 * @param customer its customer's name: which intent it is
	 * @param orderId its id
	 */
	record Logged(String customer, String orderId, int partition, long offset) {
	}

}
