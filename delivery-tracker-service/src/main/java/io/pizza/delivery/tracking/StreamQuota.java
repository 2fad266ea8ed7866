package io.pizza.delivery.tracking;

import java.util.HashMap;
import java.util.Map;

import io.pizza.delivery.config.DeliveryTrackerProperties;

/**
 * How many streams an instance serves, and to whom: so many in all, some of them kept for
 * signed-in users, and so many to one client (by its address). Guarded by its
 * {@link LiveFeed}.
 */
final class StreamQuota {

	private final DeliveryTrackerProperties.Streams limits;

	private final Map<String, Integer> perClient = new HashMap<>();

	private int open;

	private int anonymous;

	StreamQuota(DeliveryTrackerProperties.Streams limits) {
		this.limits = limits;
	}

	/**
	 * Counts a stream opened for a client.
	 * @param client who asks
	 * @throws TooManyStreams past this instance's or this client's limit
	 */
	void take(Viewer client) {
		int ofClient = this.perClient.getOrDefault(client.name(), 0);
		boolean full = (this.open >= this.limits.max())
				|| (!client.signedIn() && this.anonymous >= this.limits.max() - this.limits.reserved());
		if (full || ofClient >= this.limits.perClient()) {
			throw new TooManyStreams(full);
		}
		this.open++;
		if (!client.signedIn()) {
			this.anonymous++;
		}
		this.perClient.put(client.name(), ofClient + 1);
	}

	/**
	 * Counts a client's stream ended.
	 * @param client whose stream it was
	 */
	void giveBack(Viewer client) {
		this.open--;
		if (!client.signedIn()) {
			this.anonymous--;
		}
		this.perClient.computeIfPresent(client.name(), (name, count) -> (count > 1) ? count - 1 : null);
	}

	int open() {
		return this.open;
	}

}
