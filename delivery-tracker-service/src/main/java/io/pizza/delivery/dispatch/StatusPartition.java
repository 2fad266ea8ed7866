package io.pizza.delivery.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One status partition's deliveries not finished, as {@link OpenDeliveries} keeps them:
 * replayed up to {@code replayUntil}, live after it. Guarded by its
 * {@link OpenDeliveries}.
 */
final class StatusPartition {

	final long replayUntil;

	/** Open orders in the order they were baked. */
	final Map<UUID, OpenDelivery> open = new LinkedHashMap<>();

	long next;

	long committed;

	boolean live;

	StatusPartition(long from, long end) {
		this.replayUntil = end;
		this.next = from;
		this.committed = from;
		this.live = from >= end;
	}

}
