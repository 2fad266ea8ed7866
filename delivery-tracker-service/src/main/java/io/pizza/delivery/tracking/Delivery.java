package io.pizza.delivery.tracking;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One order on its way: its latest position and the one before, which tell where it is,
 * how fast it moves, and whether it has arrived.
 */
public final class Delivery {

	private final UUID orderId;

	private @Nullable CourierMoved latest;

	private @Nullable CourierMoved previous;

	private int positions;

	Delivery(UUID orderId) {
		this.orderId = orderId;
	}

	/**
	 * Takes a position in, unless it is older than the latest (a report arriving late).
	 * @return whether it is now the latest
	 */
	synchronized boolean add(CourierMoved position) {
		this.positions++;
		if (this.latest != null && position.at().isBefore(this.latest.at())) {
			return false;
		}
		this.previous = this.latest;
		this.latest = position;
		return true;
	}

	public UUID orderId() {
		return this.orderId;
	}

	synchronized @Nullable CourierMoved latest() {
		return this.latest;
	}

	synchronized @Nullable CourierMoved previous() {
		return this.previous;
	}

	synchronized int positions() {
		return this.positions;
	}

	synchronized boolean delivered() {
		return this.latest != null && this.latest.delivered();
	}

}
