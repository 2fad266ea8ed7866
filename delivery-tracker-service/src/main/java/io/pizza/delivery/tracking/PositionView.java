package io.pizza.delivery.tracking;

import java.time.Instant;
import java.util.UUID;

import io.pizza.delivery.city.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * An order's position as the API and the map show it, with how old it is.
 *
 * @param shop the shop it comes from, when known
 * @param lat latitude
 * @param lon longitude
 * @param at when the courier was there
 * @param ageMillis how long ago that was, when this view was made
 * @param stale whether it is older than the tracker's limit (10 s by default)
 * @param delivered whether the order has been handed over
 * @param remainingMeters how far the courier still rides, when the address is known
 * @param etaSeconds when it should arrive at its recent speed, when that is known
 * @param destination where it goes, when known
 */
record PositionView(UUID orderId, String courierId, @Nullable String shop, double lat, double lon, Instant at,
		long ageMillis, boolean stale, boolean delivered, @Nullable Long remainingMeters, @Nullable Long etaSeconds,
		@Nullable GeoPoint destination) {

}
