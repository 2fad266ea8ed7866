package io.pizza.order.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * How far an instance has read the placements topic: the next offset of each partition,
 * and whether it has reached where every partition ended when it started. Whoever waits
 * on it is woken at each poll.
 */
final class ReadProgress {

	/** The next offset to read, by partition. Guarded by this. */
	private final Map<Integer, Long> read = new HashMap<>();

	/** Where the partitions ended at start-up. Guarded by this. */
	private @Nullable Map<Integer, Long> endsAtStart;

	private volatile boolean caughtUp;

	synchronized void endsAtStart(Map<Integer, Long> ends) {
		this.endsAtStart = new HashMap<>(ends);
	}

	/**
	 * Takes in where a poll left each partition.
	 * @param positions the next offset to read, of each partition whose position is known
	 * @return whether this poll reached the ends at start-up, the first to
	 */
	synchronized boolean polled(Map<Integer, Long> positions) {
		this.read.putAll(positions);
		boolean reached = !this.caughtUp && this.endsAtStart != null
				&& this.endsAtStart.entrySet()
					.stream()
					.allMatch((end) -> this.read.getOrDefault(end.getKey(), 0L) >= end.getValue());
		if (reached) {
			this.caughtUp = true;
		}
		notifyAll();
		return reached;
	}

	boolean caughtUp() {
		return this.caughtUp;
	}

	/**
	 * Waits until a partition is read past an offset.
	 * @param atMost how long to wait
	 * @return whether it has been
	 * @throws InterruptedException when interrupted while waiting
	 */
	synchronized boolean awaitRead(int partition, long offset, Duration atMost) throws InterruptedException {
		return awaitUntil(() -> this.read.getOrDefault(partition, 0L) > offset, atMost);
	}

	/**
	 * Waits until every note written before start-up is read.
	 * @param atMost how long to wait
	 * @return whether it has been
	 * @throws InterruptedException when interrupted while waiting
	 */
	synchronized boolean awaitCaughtUp(Duration atMost) throws InterruptedException {
		return awaitUntil(() -> this.caughtUp, atMost);
	}

	private boolean awaitUntil(BooleanSupplier done, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!done.getAsBoolean()) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

}
