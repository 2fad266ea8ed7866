package io.pizza.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/**
 * Gives each partition's leadership back to its preferred replica, the first of its
 * replicas, as {@code kafka-leader-election --election-type preferred} does. Nodes
 * started one after the other leave every partition led by the first one up (168 of 168
 * here after {@code down} and {@code up}) until Kafka's own rebalance, 300 s later by
 * default: one broker doing every leader's work meanwhile, and the move, when it comes,
 * in the middle of whatever runs then (measured: the new leaders' JIT compilers took a
 * third of their CPU, and the intake fell from 1,014 to 536 orders/s for a minute).
 */
final class PreferredLeaders {

	private static final Duration IN_SYNC_TIMEOUT = Duration.ofSeconds(20);

	private PreferredLeaders() {
	}

	/**
	 * Elects the preferred leaders, again while a preferred replica is not in sync yet,
	 * for up to {@link #IN_SYNC_TIMEOUT}.
	 * @param admin a client on the cluster
	 * @return how many partitions changed leader
	 * @throws PlatformException if a preferred replica is still not in sync then
	 */
	static int elect(Admin admin) {
		AtomicInteger moved = new AtomicInteger();
		AtomicInteger waiting = new AtomicInteger();
		Polling.until(IN_SYNC_TIMEOUT, Duration.ofMillis(500), () -> {
			Map<TopicPartition, Optional<Throwable>> results = electOnce(admin);
			moved.addAndGet((int) results.values().stream().filter(Optional::isEmpty).count());
			waiting.set((int) results.values()
				.stream()
				.flatMap(Optional::stream)
				.filter((failure) -> !(failure instanceof ElectionNotNeededException))
				.count());
			return waiting.get() == 0;
		}, () -> waiting.get() + " partitions' preferred replicas not in sync after " + IN_SYNC_TIMEOUT.toSeconds()
				+ " s");
		return moved.get();
	}

	private static Map<TopicPartition, Optional<Throwable>> electOnce(Admin admin) {
		try {
			return admin.electLeaders(ElectionType.PREFERRED, null).partitions().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("The preferred leaders could not be elected: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

}
