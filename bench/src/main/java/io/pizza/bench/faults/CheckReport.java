package io.pizza.bench.faults;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the checker found: the figures of a client's history, and each order that broke a
 * promise, by which promise.
 *
 * @param intents the orders the client meant
 * @param answers how many requests got each answer (0: none)
 * @param acknowledged the intents answered {@code 201}
 * @param lost acknowledged, not in the orders topic
 * @param doubled in the orders topic more than once
 * @param failedButPlaced every answer said nothing happened ({@code 503}), yet it is in
 * the topic
 * @param reordered in the topic out of its shop's order
 * @param untruthful a {@code 202} whose order ended {@code PLACED} but is not in the
 * topic, or {@code NOT_PLACED} but is
 * @param unsettled a {@code 202} still {@code PENDING} at the end
 * @param notBaked in the topic, never baked
 * @param bakedTwice baked more than once
 * @param notBilled in the topic, never billed
 * @param billedWrong billed at another total than the menu's
 * @param notDelivered in the topic, never delivered
 * @param deliveredTwice delivered more than once
 * @param readModelBehind delivered, but order-service does not say so
 */
public record CheckReport(int intents, Map<Integer, Long> answers, int acknowledged, List<String> lost,
		List<String> doubled, List<String> failedButPlaced, List<String> reordered, List<String> untruthful,
		List<String> unsettled, List<String> notBaked, List<String> bakedTwice, List<String> notBilled,
		List<String> billedWrong, List<String> notDelivered, List<String> deliveredTwice,
		List<String> readModelBehind) {

	/**
	 * Whether every promise held.
	 * @return whether nothing acknowledged was lost, doubled, reordered or said untruly,
	 * and no {@code 202} left unsettled
	 */
	public boolean passed() {
		return List
			.of(this.lost, this.doubled, this.failedButPlaced, this.reordered, this.untruthful, this.unsettled,
					this.notBaked, this.bakedTwice, this.notBilled, this.billedWrong, this.notDelivered,
					this.deliveredTwice, this.readModelBehind)
			.stream()
			.allMatch(List::isEmpty);
	}

	/**
	 * The figures, a line each, and the first few orders of each broken promise.
	 * @return the report as text
	 */
	public String table() {
		StringBuilder table = new StringBuilder();
		table.append(line("orders meant", this.intents));
		table.append(line("answers",
				this.answers.entrySet()
					.stream()
					.map((answer) -> ((answer.getKey() == 0) ? "none" : answer.getKey()) + ": " + answer.getValue())
					.collect(Collectors.joining(", "))));
		table.append(line("acknowledged (201)", this.acknowledged));
		row(table, "lost", this.lost);
		row(table, "doubled", this.doubled);
		row(table, "503 yet placed", this.failedButPlaced);
		row(table, "reordered", this.reordered);
		row(table, "202 said untruly", this.untruthful);
		row(table, "202 still pending", this.unsettled);
		row(table, "not baked", this.notBaked);
		row(table, "baked twice", this.bakedTwice);
		row(table, "not billed", this.notBilled);
		row(table, "billed wrong", this.billedWrong);
		row(table, "not delivered", this.notDelivered);
		row(table, "delivered twice", this.deliveredTwice);
		row(table, "read model behind", this.readModelBehind);
		return table.toString();
	}

	private static void row(StringBuilder table, String what, List<String> orders) {
		table.append(line(what, orders.size() + (orders.isEmpty() ? ""
				: "   e.g. " + String.join("; ", orders.subList(0, Math.min(3, orders.size()))))));
	}

	private static String line(String what, Object value) {
		return String.format("%-20s %s%n", what, value);
	}

}
