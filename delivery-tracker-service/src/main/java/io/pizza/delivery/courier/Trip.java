package io.pizza.delivery.courier;

import java.util.UUID;

import io.pizza.delivery.destination.Destination;
import io.pizza.delivery.tracking.CourierMoved;

/**
 * One courier's ride, a step at each tick of its fleet's clock, then its
 * {@code DELIVERED}, said again at each tick until the brokers have it.
 */
final class Trip {

	private final CourierFleet fleet;

	private final Destination destination;

	private final String courierId;

	private final Route route;

	private final int steps;

	private int step;

	private boolean saying;

	private boolean said;

	/**
	 * A trip from its first step, or from one further on for a courier taken over.
	 * @param fleet the fleet it rides for
	 * @param destination where from and where to
	 * @param steps how many steps the whole way takes
	 * @param from the step it is at
	 */
	Trip(CourierFleet fleet, Destination destination, String courierId, int steps, int from) {
		this.fleet = fleet;
		this.destination = destination;
		this.courierId = courierId;
		this.route = Route.between(destination.from(), destination.to());
		this.steps = steps;
		this.step = Math.max(0, Math.min(steps, from));
	}

	Destination destination() {
		return this.destination;
	}

	UUID orderId() {
		return this.destination.orderId();
	}

	String courierId() {
		return this.courierId;
	}

	synchronized int positionsLeft() {
		return this.steps + 1 - this.step;
	}

	synchronized boolean arrived() {
		return this.step > this.steps;
	}

	// the position is published, or said lost, and the courier is a step further either
	// way
	synchronized void step() {
		if (arrived()) {
			sayDelivered();
			return;
		}
		boolean arriving = this.step == this.steps;
		var point = this.route.at((double) this.step / this.steps);
		this.step++;
		this.fleet.publishing()
			.position(
					new CourierMoved(orderId(), this.courierId, point.lat(), point.lon(), this.fleet.now(), arriving));
		if (arriving) {
			this.fleet.arrived(this);
			sayDelivered();
			this.fleet.back(this.destination.shop());
		}
	}

	// one attempt at a time; the fleet forgets the order once the brokers have it
	private void sayDelivered() {
		if (this.saying || this.said) {
			return;
		}
		this.saying = true;
		this.fleet.publishing()
			.status(orderId(), "DELIVERED", this.courierId, this.fleet.now())
			.whenComplete((result, ex) -> {
				synchronized (this) {
					this.saying = false;
					this.said = ex == null;
				}
				if (ex == null) {
					this.fleet.deliveredSaid(this);
				}
			});
	}

}
