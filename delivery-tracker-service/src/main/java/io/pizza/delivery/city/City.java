package io.pizza.delivery.city;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The one city every shop and customer is in, and where on its map a shop or an address
 * lies: not a geocoder but a deterministic fake, as the talk's fake producer placed its
 * orders, so that one address is always at one point and the map needs no internet.
 *
 * @param name the city's name
 * @param south its southern edge
 * @param west its western edge
 * @param north its northern edge
 * @param east its eastern edge
 */
public record City(String name, double south, double west, double north, double east) {

	/** Milan's old town and around it, about 7.8 by 6.7 km. */
	public static final City MILANO = new City("Milano", 45.440, 9.140, 45.500, 9.240);

	/**
	 * Where on the map a shop or an address is.
	 * @param place the shop's name or the address, as written in the order
	 * @return always the same point for the same place, inside the city
	 */
	public GeoPoint locate(String place) {
		byte[] hash = sha256(place.trim().toLowerCase(Locale.ROOT));
		// keep a margin of 5% so that nobody lives on the map's edge
		double y = 0.05 + 0.9 * fraction(hash, 0);
		double x = 0.05 + 0.9 * fraction(hash, 4);
		return new GeoPoint(this.south + (this.north - this.south) * y, this.west + (this.east - this.west) * x);
	}

	/**
	 * Whether a point is on the map.
	 * @return whether it lies inside the city's edges
	 */
	public boolean contains(GeoPoint point) {
		return point.lat() >= this.south && point.lat() <= this.north && point.lon() >= this.west
				&& point.lon() <= this.east;
	}

	private static double fraction(byte[] hash, int offset) {
		long value = ((hash[offset] & 0xFFL) << 24) | ((hash[offset + 1] & 0xFFL) << 16)
				| ((hash[offset + 2] & 0xFFL) << 8) | (hash[offset + 3] & 0xFFL);
		return value / (double) 0xFFFFFFFFL;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
