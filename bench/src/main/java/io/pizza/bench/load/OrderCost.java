package io.pizza.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one order costs the whole system in CPU time: every platform process's CPU time
 * from the first {@code POST} until every consumer group had read all the records those
 * orders caused, divided by the orders taken.
 *
 * @param orders the orders taken ({@code 201})
 * @param seconds the wall-clock time, until the last group was caught up
 * @param millisByPart milliseconds of CPU per order, by part of the platform, most first
 */
public record OrderCost(long orders, double seconds, Map<String, Double> millisByPart) {

	/**
	 * The whole system's CPU time per order.
	 * @return milliseconds
	 */
	public double millis() {
		return this.millisByPart.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/**
	 * One line: the total, then each part that spent at least 0.01 ms.
	 * @return the summary
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		this.millisByPart.forEach((part, millis) -> {
			if (millis >= 0.01) {
				parts.add("%s %.2f".formatted(part, millis));
			}
		});
		return "%.2f ms (%d orders, %.0f s): %s".formatted(millis(), this.orders, this.seconds,
				String.join(", ", parts));
	}

}
