package io.pizza.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The system's topics. The services declare the ones they own too; creating them here
 * first means no consumer ever starts on a topic that is not there yet.
 */
public final class Topics {

	/** The orders, keyed by shop. */
	public static final String ORDERS = "pizza-orders";

	/** What became of each order: baking, baked, out, delivered. */
	public static final String ORDER_STATUS = "pizza-order-status";

	/** The couriers' positions. */
	public static final String DELIVERY_POSITIONS = "delivery-positions";

	private static final short REPLICAS = 3;

	private Topics() {
	}

	/**
	 * Every topic of the system, with its partitions, replication and retention.
	 * @return the topics
	 */
	public static List<TopicSpec> all() {
		return List.of(topic(ORDERS, 6, retention(Duration.ofDays(7))),
				topic("pizza-orders.DLT", 6, retention(Duration.ofDays(14))),
				topic("pizza-orders.billing.DLT", 6, retention(Duration.ofDays(14))),
				topic(ORDER_STATUS, 6, retention(Duration.ofDays(7))),
				topic("pizza-order-placements", 6, retention(Duration.ofDays(7))),
				topic("pizza_order_rows", 6, retention(Duration.ofDays(7))),
				topic(DELIVERY_POSITIONS, 6, Map.of("retention.ms", millis(Duration.ofHours(1)), "retention.bytes",
						String.valueOf(64L * 1024 * 1024), "segment.ms", millis(Duration.ofMinutes(10)))));
	}

	private static TopicSpec topic(String name, int partitions, Map<String, String> configs) {
		return new TopicSpec(name, partitions, REPLICAS, configs);
	}

	private static Map<String, String> retention(Duration retention) {
		return Map.of("retention.ms", millis(retention));
	}

	private static String millis(Duration duration) {
		return String.valueOf(duration.toMillis());
	}

}
