package io.pizza.delivery.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.pizza.delivery.city.GeoPoint;

/**
 * Where a courier carrying an order was, and when: a record of the positions topic, keyed
 * by the order's id, so that one order's positions stay in order on one partition.
 *
 * @param orderId the order carried
 * @param lat latitude
 * @param lon longitude
 * @param at when the courier was there (the event's time, not the time it was read)
 * @param delivered whether the courier has handed the order over here
 */
public record CourierMoved(UUID orderId, String courierId, double lat, double lon, Instant at, boolean delivered) {

	public CourierMoved {
		Objects.requireNonNull(orderId, "orderId is missing");
		Objects.requireNonNull(courierId, "courierId is missing");
		Objects.requireNonNull(at, "at is missing");
	}

	public GeoPoint point() {
		return new GeoPoint(this.lat, this.lon);
	}

}
