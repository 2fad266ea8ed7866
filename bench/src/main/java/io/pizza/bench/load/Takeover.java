package io.pizza.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How long the pizza makers' group takes to give a stopped maker's partitions to the
 * other: from the signal to the moment the group, as the brokers describe it, has the
 * survivor owning every partition of the orders topic. Looked at every 20 ms.
 */
final class Takeover {

	private static final Duration LOOK_EVERY = Duration.ofMillis(20);

	private final Platform platform;

	private final Admin admin;

	private final Instance leaving;

	private final Instance survivor;

	Takeover(Platform platform, Admin admin, Instance leaving, Instance survivor) {
		this.platform = platform;
		this.admin = admin;
		this.leaving = leaving;
		this.survivor = survivor;
	}

	/**
	 * Measures the takeover after {@code kill} and after {@code kill --hard}.
	 * @param protocol the group protocol the makers run, for the report
	 * @param environment the makers' environment
	 * @param timeout how long each takeover may take
	 * @param progress where each step is told
	 * @return both times
	 */
	List<BenchReport.TakeoverTime> afterBothStops(String protocol, Map<String, String> environment, Duration timeout,
			Consumer<String> progress) {
		List<BenchReport.TakeoverTime> times = new ArrayList<>();
		for (boolean hard : List.of(false, true)) {
			String stop = hard ? "kill --hard" : "kill";
			progress.accept("takeover: " + protocol + " protocol, " + stop + " pizza-maker-1");
			Optional<Duration> took = measure(hard, environment, timeout);
			progress.accept("takeover: " + took.map((d) -> d.toMillis() + " ms").orElse("not in time"));
			times.add(new BenchReport.TakeoverTime(protocol, stop, took.map(Duration::toMillis).orElse(null)));
		}
		return times;
	}

	/**
	 * Waits until both makers share the partitions, stops one, measures the takeover and
	 * starts the stopped maker again with the same environment.
	 * @param hard {@code SIGKILL} rather than {@code SIGTERM}
	 * @param environment the stopped maker's environment when it starts again
	 * @param timeout how long each wait may take
	 * @return how long the takeover took, empty when it did not happen in time
	 */
	Optional<Duration> measure(boolean hard, Map<String, String> environment, Duration timeout) {
		Set<TopicPartition> all = partitions();
		awaitShared(all, timeout);
		long signalled = System.nanoTime();
		CompletableFuture<Boolean> kill = CompletableFuture.supplyAsync(() -> this.platform.kill(this.leaving, hard));
		Optional<Duration> took = Optional.empty();
		while (System.nanoTime() - signalled < timeout.toNanos()) {
			if (owned(this.survivor).containsAll(all)) {
				took = Optional.of(Duration.ofNanos(System.nanoTime() - signalled));
				break;
			}
			Polling.pause(LOOK_EVERY);
		}
		kill.join();
		this.platform.start(this.leaving, environment);
		return took;
	}

	/**
	 * Waits until both makers are in the group, each owning some of the partitions and
	 * together all of them.
	 * @param all the orders topic's partitions
	 * @param timeout how long to wait
	 */
	void awaitShared(Set<TopicPartition> all, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Set<TopicPartition> first = owned(this.leaving);
			Set<TopicPartition> second = owned(this.survivor);
			if (!first.isEmpty() && !second.isEmpty() && first.size() + second.size() == all.size()
					&& second.containsAll(all.stream().filter((p) -> !first.contains(p)).toList())) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new PlatformException(this.leaving + " and " + this.survivor + " did not share the " + all.size()
						+ " partitions of " + Topics.ORDERS + " within " + timeout.toSeconds() + " s");
			}
			Polling.pause(Duration.ofMillis(200));
		}
	}

	Set<TopicPartition> partitions() {
		try {
			return this.admin.describeTopics(List.of(Topics.ORDERS))
				.allTopicNames()
				.get()
				.get(Topics.ORDERS)
				.partitions()
				.stream()
				.map((info) -> new TopicPartition(Topics.ORDERS, info.partition()))
				.collect(Collectors.toSet());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not describe " + Topics.ORDERS + ": " + ex.getCause(), ex);
		}
	}

	// the partitions of the orders topic a maker owns, as the group's coordinator says
	private Set<TopicPartition> owned(Instance maker) {
		try {
			ConsumerGroupDescription group = this.admin.describeConsumerGroups(List.of(Groups.MAKERS))
				.describedGroups()
				.get(Groups.MAKERS)
				.get();
			return group.members()
				.stream()
				.filter((member) -> isOf(member, maker))
				.flatMap((member) -> member.assignment().topicPartitions().stream())
				.filter((partition) -> partition.topic().equals(Topics.ORDERS))
				.collect(Collectors.toSet());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			// the group's coordinator may be moving: nothing owned, as far as can be told
			return Set.of();
		}
	}

	// a member's client id is its instance's name, with the listener container's suffix
	private static boolean isOf(MemberDescription member, Instance maker) {
		return member.clientId().equals(maker.name()) || member.clientId().startsWith(maker.name() + "-");
	}

}
