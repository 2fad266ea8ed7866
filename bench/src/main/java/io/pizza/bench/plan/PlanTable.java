package io.pizza.bench.plan;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The plan as a Markdown table: a row per stage of the system, a column per rate.
 */
final class PlanTable {

	private PlanTable() {
	}

	static String of(ScalePlan plan, List<Integer> rates) {
		List<ScalePlan.Stage> stages = plan.at(rates);
		StringBuilder table = new StringBuilder("| | ");
		stages.forEach((stage) -> table.append(number(stage.ordersPerSecond())).append(" orders/s | "));
		table.append("\n|---|").append("---|".repeat(stages.size())).append('\n');
		row(table, stages, "Kafka brokers (4 cores)", (stage) -> number(stage.brokers()));
		row(table, stages, "orders topic partitions", (stage) -> number(stage.partitions()));
		row(table, stages, "... of which get orders (one key a shop)", (stage) -> number(stage.busyPartitions()));
		row(table, stages, "makers (1 core)", (stage) -> number(stage.makers()));
		row(table, stages, "order-service replicas (2 cores)", (stage) -> number(stage.orderServices()));
		row(table, stages, "billing replicas (1 core)", (stage) -> number(stage.billings()));
		row(table, stages, "PostgreSQL cores (three databases)", (stage) -> decimal(stage.postgresCores()));
		row(table, stages, "order-service's rows/s", (stage) -> number(stage.readModelRowsPerSecond()));
		row(table, stages, "records/s into Kafka", (stage) -> number(stage.recordsPerSecond()));
		row(table, stages, "MB/s the brokers write (3 replicas)", (stage) -> decimal(stage.bytesPerSecond() / 1e6));
		row(table, stages, "orders/s on the busiest partition", (stage) -> number(stage.busiestPartition()));
		return table.toString().replace(" \n", "\n");
	}

	private static void row(StringBuilder table, List<ScalePlan.Stage> stages, String name,
			Function<ScalePlan.Stage, String> cell) {
		table.append("| ").append(name).append(" | ");
		stages.forEach((stage) -> table.append(cell.apply(stage)).append(" | "));
		table.append('\n');
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%,.1f", value);
	}

}
