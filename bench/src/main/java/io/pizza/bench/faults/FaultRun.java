package io.pizza.bench.faults;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.network.ClusterWatch;

/**
 * A fault caused and watched, or every fault healed and watched: what {@code ./pizza
 * fault} does, the cluster's changes told line by line.
 */
public final class FaultRun {

	private final Platform platform;

	private final Consumer<String> out;

	public FaultRun(Platform platform, Consumer<String> out) {
		this.platform = platform;
		this.out = out;
	}

	/**
	 * Causes a fault and tells what the cluster does, until it shows the fault took
	 * effect and a few seconds more, or the watch is over.
	 * @param name the fault
	 * @param partition the partition of the orders topic it is about
	 * @param skew how far ahead a skewed clock is
	 * @param watch how long to watch at most
	 */
	public void cause(String name, int partition, Duration skew, Duration watch) {
		Scenario scenario = Scenario.named(name);
		try (Faulting faulting = new Faulting(this.platform, partition, skew, this.out)) {
			ClusterWatch cluster = new ClusterWatch(faulting.admin(), this.out);
			cluster.tellAll();
			Predicate<Map<String, String>> tookEffect = scenario.cause(faulting);
			if (cluster.watch(watch, tookEffect)) {
				cluster.watch(Duration.ofSeconds(5), (state) -> false);
			}
			this.out.accept("Heal it with ./pizza fault heal");
		}
	}

	/**
	 * Heals every fault and tells the cluster coming back together.
	 * @param watch how long to watch
	 */
	public void heal(Duration watch) {
		try (Faulting faulting = new Faulting(this.platform, 0, Duration.ZERO, this.out)) {
			faulting.heal().forEach(this.out);
			ClusterWatch cluster = new ClusterWatch(faulting.admin(), this.out);
			cluster.tellAll();
			cluster.watch(watch,
					(state) -> state.entrySet()
						.stream()
						.filter((entry) -> entry.getKey().startsWith(Topics.ORDERS + "-"))
						.allMatch((entry) -> entry.getValue().contains("ISR [kafka-")
								&& entry.getValue().split(",").length >= 4));
		}
	}

	/**
	 * Runs a schedule of faults under a client that keeps a history, then checks it.
	 * @param schedule the schedule's name
	 * @param acks order-service's producer acks for the run
	 * @param minInSync the orders topic's min.insync.replicas for the run
	 * @param pace how long each shop's client waits between two orders
	 * @return whether the history kept every promise: nothing acknowledged lost, doubled
	 * or reordered, every order baked, billed and delivered once, every {@code 202}
	 * settled truly, the read model caught up
	 */
	public boolean check(String schedule, String acks, int minInSync, Duration pace) {
		return new CheckRun(this.platform, this.out).run(Schedule.named(schedule), acks, minInSync, pace);
	}

}
