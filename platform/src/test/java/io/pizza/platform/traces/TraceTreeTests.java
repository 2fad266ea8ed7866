package io.pizza.platform.traces;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace printed as a tree: each span under its parent, in the order they began, a Kafka
 * hop with its record and instance.
 */
class TraceTreeTests {

	@Test
	void drawsEachSpanUnderItsParentInTheOrderTheyBegan() {
		List<Span> spans = List.of(
				span("c", "b", "pizza-maker-service", "pizza-orders process", 2_000_000,
						Map.of(Span.TOPIC, "pizza-orders", Span.PARTITION, "2", Span.OFFSET, "17", Span.CLIENT,
								"pizza-maker-1")),
				span("a", null, "order-service", "http post /orders", 1_000_000, Map.of()),
				span("d", "b", "billing-service", "pizza-orders process", 1_500_000, Map.of()),
				span("b", "a", "order-service", "pizza-orders send", 1_100_000, Map.of()),
				span("e", "gone", "delivery-tracker-service", "pizza-order-status send", 90_000_000, Map.of()));
		assertThat(TraceTree.lines(spans)).containsExactly("        AT      TOOK  SERVICE                    SPAN",
				"   +0.0 ms    5.0 ms  order-service              http post /orders",
				" +100.0 ms    5.0 ms  order-service                pizza-orders send",
				" +500.0 ms    5.0 ms  billing-service                pizza-orders process",
				"+1000.0 ms    5.0 ms  pizza-maker-service            pizza-orders process  pizza-orders-2@17  "
						+ "[pizza-maker-1]",
				"   +89.0 s    5.0 ms  delivery-tracker-service   pizza-order-status send");
	}

	private static Span span(String id, String parentId, String service, String name, long start,
			Map<String, String> tags) {
		return new Span("t", id, parentId, service, name, null, start, 5_000, tags);
	}

}
