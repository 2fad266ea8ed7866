package io.pizza.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The system's topics. The services declare the ones they own too; creating them here
 * first means no consumer ever starts on a topic that is not there yet.
 */
public final class Topics {

	private static final short REPLICAS = 3;

	private Topics() {
	}

	/**
	 * Every topic of the system, with its partitions, replication and retention.
	 * @return the topics
	 */
	public static List<TopicSpec> all() {
		return List.of(topic("pizza-orders", 6, retention(Duration.ofDays(7))),
				topic("pizza-orders.DLT", 6, retention(Duration.ofDays(14))),
				topic("pizza-orders.billing.DLT", 6, retention(Duration.ofDays(14))),
				topic("pizza-order-status", 6, retention(Duration.ofDays(7))),
				topic("pizza-order-placements", 6, retention(Duration.ofDays(7))),
				topic("pizza_order_rows", 6, retention(Duration.ofDays(7))),
				topic("delivery-positions", 6, Map.of("retention.ms", millis(Duration.ofHours(1)), "retention.bytes",
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
