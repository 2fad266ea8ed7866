package io.pizza.bench.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pizza.platform.kafka.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one order is to the system, from its own description: the records it becomes on
 * each topic and their size (the contracts' records, as compact JSON), the rows it writes
 * to each database, the shops there are to key by.
 *
 * @param recordsPerOrder records on each topic for one order
 * @param bytesPerOrder bytes of values on each topic for one order
 * @param rowsPerOrder rows written to each database for one order
 * @param shops the shops of the menu: the orders topic's keys
 */
record SystemFacts(Map<String, Double> recordsPerOrder, Map<String, Double> bytesPerOrder,
		Map<String, Double> rowsPerOrder, int shops) {

	/** BAKING, BAKED, OUT_FOR_DELIVERY, DELIVERED. */
	static final int STATUSES = 4;

	/**
	 * A courier's trip over its tick: the tracker's courier.trip over courier.interval.
	 */
	static final int POSITIONS = 60;

	/** The bench's orders: 1 to 10 pizzas, evenly. */
	static final double PIZZAS = 5.5;

	/** The menu's shops, order-service's menu.shops. */
	static final int SHOPS = 6;

	static SystemFacts of(Path root) {
		Map<String, Double> records = new LinkedHashMap<>();
		records.put(Topics.ORDERS, 1.0);
		records.put(Topics.ORDER_STATUS, (double) STATUSES);
		records.put("pizza_order_rows", 1.0);
		records.put(Topics.DELIVERY_POSITIONS, (double) POSITIONS);
		Map<String, Double> bytes = new LinkedHashMap<>();
		bytes.put(Topics.ORDERS, compactSize(root, "pizza-orders/order-placed.json"));
		bytes.put(Topics.ORDER_STATUS, STATUSES * compactSize(root, "pizza-order-status/order-status-changed.json"));
		bytes.put("pizza_order_rows", compactSize(root, "pizza_order_rows/order-row.json"));
		bytes.put(Topics.DELIVERY_POSITIONS, POSITIONS * compactSize(root, "delivery-positions/courier-moved.json"));
		// order-service: the order, its pizzas, its four steps; billing: the bill; the
		// warehouse: the row Connect upserts
		Map<String, Double> rows = new LinkedHashMap<>();
		rows.put("orders", 1 + PIZZAS + STATUSES);
		rows.put("billing", 1.0);
		rows.put("warehouse", 1.0);
		return new SystemFacts(records, bytes, rows, SHOPS);
	}

	double records() {
		return this.recordsPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	double bytes() {
		return this.bytesPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static double compactSize(Path root, String contract) {
		try {
			JsonMapper json = JsonMapper.shared();
			return json
				.writeValueAsBytes(json.readTree(Files.readString(root.resolve("contracts").resolve(contract)))).length;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
