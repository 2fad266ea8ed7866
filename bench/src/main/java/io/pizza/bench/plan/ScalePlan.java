package io.pizza.bench.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a rate of orders needs, stage by stage, from the CPU each process spent per order
 * in the bench. Every process is sized to run at {@value #BUSY} of its cores; a broker
 * has {@value #BROKER_CORES} cores, a service's replica {@value #REPLICA_CORES}. The
 * bench's makers bake in no time: a kitchen that takes real time needs as many more
 * makers as its baking takes, which the plan cannot know.
 *
 * @param measured the bench's figures
 * @param facts what one order is to the system
 */
record ScalePlan(Measured measured, SystemFacts facts) {

	static final double BUSY = 0.6;

	static final int BROKER_CORES = 4;

	static final int REPLICA_CORES = 2;

	/**
	 * What one rate of orders needs.
	 * @param ordersPerSecond the rate
	 * @return the sizes
	 */
	Stage at(int ordersPerSecond) {
		int brokers = Math.max(3, roundUp(replicas(ordersPerSecond, "brokers", BROKER_CORES), 3));
		int makers = Math.max(2, replicas(ordersPerSecond, Measured.MAKERS, 1));
		int partitions = roundUp(Math.max(makers, 6), 6);
		Map<Integer, Integer> shops = this.facts.shopsByPartition(partitions);
		int busiest = shops.values().stream().max(Integer::compare).orElse(0);
		return new Stage(ordersPerSecond, brokers, partitions, makers,
				Math.max(1, replicas(ordersPerSecond, "order-service", REPLICA_CORES)),
				Math.max(1, replicas(ordersPerSecond, "billing-service", 1)), cores(ordersPerSecond, "postgres"),
				ordersPerSecond * this.facts.records(), ordersPerSecond * this.facts.bytes() * 3,
				ordersPerSecond * this.facts.rowsPerOrder().get("orders"), shops.size(),
				ordersPerSecond * busiest / (double) this.facts.shops().size());
	}

	List<Stage> at(List<Integer> rates) {
		List<Stage> stages = new ArrayList<>();
		rates.forEach((rate) -> stages.add(at(rate)));
		return stages;
	}

	/**
	 * The orders a second one maker's core takes on its own partition: what one shop may
	 * order at most, all its orders being on one partition.
	 * @return orders a second
	 */
	double oneShopAtMost() {
		return 1000 / this.measured.millis(Measured.MAKERS);
	}

	private double cores(int ordersPerSecond, String part) {
		return ordersPerSecond * this.measured.millis(part) / 1000;
	}

	private int replicas(int ordersPerSecond, String part, int coresEach) {
		return (int) Math.ceil(cores(ordersPerSecond, part) / (coresEach * BUSY));
	}

	private static int roundUp(int value, int multiple) {
		return ((value + multiple - 1) / multiple) * multiple;
	}

	/**
	 * What one rate needs.
	 *
	 * @param ordersPerSecond the rate
	 * @param brokers brokers, in threes (one per zone)
	 * @param partitions the orders topic's partitions
	 * @param makers the makers' replicas
	 * @param orderServices order-service's replicas
	 * @param billings billing's replicas
	 * @param postgresCores cores of PostgreSQL, its three databases together as the bench
	 * ran them
	 * @param recordsPerSecond records written to Kafka
	 * @param bytesPerSecond bytes the brokers write, replicas included
	 * @param readModelRowsPerSecond rows order-service's read model writes
	 * @param busyPartitions partitions of the orders topic that get orders at all
	 * @param busiestPartition orders a second on the partition that takes the most shops
	 */
	record Stage(int ordersPerSecond, int brokers, int partitions, int makers, int orderServices, int billings,
			double postgresCores, double recordsPerSecond, double bytesPerSecond, double readModelRowsPerSecond,
			int busyPartitions, double busiestPartition) {
	}

}
