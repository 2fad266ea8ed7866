package io.pizza.bench.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one order is to the system, from its own description: the records it becomes on
 * each topic and their size (the contracts' records as compact JSON: values alone,
 * without keys, headers or batches), the rows it writes to each database, the shops there
 * are to key by.
 *
 * @param recordsPerOrder records on each topic for one order
 * @param bytesPerOrder bytes of values on each topic for one order
 * @param rowsPerOrder rows written to each database for one order
 * @param shops the shops of order-service's menu: the orders topic's keys
 */
record SystemFacts(Map<String, Double> recordsPerOrder, Map<String, Double> bytesPerOrder,
		Map<String, Double> rowsPerOrder, List<String> shops) {

	/** BAKING, BAKED, OUT_FOR_DELIVERY, DELIVERED. */
	static final int STATUSES = 4;

	/**
	 * A courier's trip over its tick: the tracker's courier.trip over courier.interval.
	 */
	static final int POSITIONS = 60;

	/** The bench's orders: 1 to 10 pizzas, evenly. */
	static final double PIZZAS = 5.5;

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
		// order-service: the order, its pizzas, its four steps, the note that its row was
		// sent; billing: the bill; the warehouse: the row Connect upserts
		Map<String, Double> rows = new LinkedHashMap<>();
		rows.put("orders", 1 + PIZZAS + STATUSES + 1);
		rows.put("billing", 1.0);
		rows.put("warehouse", 1.0);
		return new SystemFacts(records, bytes, rows, shops(root));
	}

	/**
	 * The partitions the shops' orders go to, as the producer's partitioner puts a key.
	 * @param partitions the orders topic's partitions
	 * @return how many shops each partition that gets orders takes, by partition
	 */
	Map<Integer, Integer> shopsByPartition(int partitions) {
		Map<Integer, Integer> shops = new TreeMap<>();
		for (String shop : this.shops) {
			shops.merge(Utils.toPositive(Utils.murmur2(shop.getBytes(StandardCharsets.UTF_8))) % partitions, 1,
					Integer::sum);
		}
		return shops;
	}

	// order-service's menu: the lines under menu.shops of its settings
	private static List<String> shops(Path root) {
		List<String> shops = new ArrayList<>();
		boolean inShops = false;
		try {
			for (String line : Files.readAllLines(root.resolve("order-service/src/main/resources/application.yml"))) {
				if (line.trim().equals("shops:")) {
					inShops = true;
				}
				else if (inShops && line.trim().startsWith("- ")) {
					shops.add(line.trim().substring(2).trim());
				}
				else if (inShops) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return shops;
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
