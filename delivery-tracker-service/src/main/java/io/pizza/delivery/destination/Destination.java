package io.pizza.delivery.destination;

import java.util.UUID;

import io.pizza.delivery.city.GeoPoint;

/**
 * Where an order is carried from and to.
 *
 * @param shop the shop it is baked in
 * @param address the customer's address
 * @param from the shop's point on the map
 * @param to the address's point on the map
 */
public record Destination(UUID orderId, String shop, String address, GeoPoint from, GeoPoint to) {

}
