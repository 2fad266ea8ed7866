package io.pizza.bench.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The plan's arithmetic, on a report whose figures are easy to follow.
 */
class ScalePlanTests {

	private static final String REPORT = """
			{"intake": {"orders": {"perSecond": 500.0},
			  "cpu": {"cores": 2, "seconds": 30.0, "byPart": {"brokers": 1.5, "order-service": 0.6,
			    "pizza-maker-1": 0.15, "pizza-maker-2": 0.15, "billing-service": 0.3, "postgres": 0.25}}}}
			""";

	@TempDir
	Path folder;

	@Test
	void sizesEachStageByItsCpuPerOrder() throws IOException {
		// 1.5 cores of brokers at 500 orders a second: 3 ms an order; order-service 1.2,
		// the makers 0.6, billing 0.6, PostgreSQL 0.5
		ScalePlan plan = new ScalePlan(measured(REPORT), SystemFacts.of(Path.of("..")));

		ScalePlan.Stage thousand = plan.at(1000);
		// 3 cores of brokers at 60 % of 4 cores each: 2, at least 3 (one per zone)
		assertThat(thousand.brokers()).isEqualTo(3);
		// the makers' 0.6 ms: 0.6 cores, 1 at 60 %, at least 2
		assertThat(thousand.makers()).isEqualTo(2);
		// 1.2 cores of order-service at 60 % of 2 each
		assertThat(thousand.orderServices()).isEqualTo(1);
		assertThat(thousand.postgresCores()).isCloseTo(0.5, within(1e-9));

		ScalePlan.Stage hundredThousand = plan.at(100_000);
		// 300 cores of brokers: 125 at 2.4 each, in threes
		assertThat(hundredThousand.brokers()).isEqualTo(126);
		// 60 cores of makers at 0.6 each: 100, on 102 partitions (in sixes)
		assertThat(hundredThousand.makers()).isEqualTo(100);
		assertThat(hundredThousand.partitions()).isEqualTo(102);
		// but six shops, six keys: six partitions at most get orders
		assertThat(hundredThousand.busyPartitions()).isLessThanOrEqualTo(6);
		// on the platform's six partitions, two shops' keys share one: five get orders,
		// one
		// of them twice the others' (order-service's menu, Kafka's partitioner)
		assertThat(thousand.busyPartitions()).isEqualTo(5);
		assertThat(thousand.busiestPartition()).isCloseTo(1000 * 2 / 6.0, within(1e-9));
		assertThat(hundredThousand.orderServices()).isEqualTo(100);
		assertThat(plan.oneShopAtMost()).isCloseTo(1000 / 0.6, within(1e-9));
	}

	@Test
	void countsEachOrdersRecordsAndRowsFromTheSystemsOwnFacts() throws IOException {
		SystemFacts facts = SystemFacts.of(Path.of(".."));
		// the order, four statuses, its row, sixty positions
		assertThat(facts.records()).isEqualTo(66.0);
		assertThat(facts.bytesPerOrder().get("pizza-orders")).isBetween(300.0, 600.0);
		assertThat(facts.rowsPerOrder().get("orders")).isEqualTo(11.5);
		assertThat(facts.shops()).hasSize(6).contains("Marios Pizza");
		assertThat(new ScalePlan(measured(REPORT), facts).at(1000).recordsPerSecond()).isEqualTo(66_000.0);
	}

	@Test
	void readsTheTracingComparisonsArmWithTracingOn() throws IOException {
		Measured measured = measured("""
				{"off": {"orders": {"perSecond": 175.0}, "cpu": {"byPart": {"brokers": 0.9}}},
				 "on": {"orders": {"perSecond": 200.0}, "cpu": {"byPart": {"brokers": 0.8}}}}
				""");
		assertThat(measured.ordersPerSecond()).isEqualTo(200.0);
		// 0.8 cores over 200 orders a second
		assertThat(measured.millis("brokers")).isCloseTo(4.0, within(1e-9));
	}

	@Test
	void docsShowThePlanOfTheReportTheyCite() throws IOException {
		ScalePlan plan = new ScalePlan(Measured.read(Path.of("../docs/scaling-input.json")),
				SystemFacts.of(Path.of("..")));
		assertThat(Files.readString(Path.of("../docs/scaling.md")))
			.contains(PlanTable.of(plan, List.of(1000, 10_000, 100_000)));
	}

	private Measured measured(String report) throws IOException {
		Path file = this.folder.resolve("bench-20261207-000000.json");
		Files.writeString(file, report);
		return Measured.read(file);
	}

}
