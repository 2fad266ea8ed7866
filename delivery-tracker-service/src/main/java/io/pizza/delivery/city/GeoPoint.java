package io.pizza.delivery.city;

/**
 * A point on the map, in degrees (WGS 84).
 *
 * @param lat latitude, north positive
 * @param lon longitude, east positive
 */
public record GeoPoint(double lat, double lon) {

	private static final double EARTH_RADIUS_METERS = 6_371_000;

	/**
	 * The distance to another point along the earth's surface.
	 * @param other the other point
	 * @return the distance in meters
	 */
	public double metersTo(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - this.lat);
		double dLon = Math.toRadians(other.lon - this.lon);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(this.lat))
				* Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
	}

	/**
	 * The point a fraction of the way to another, on a straight line.
	 * @param other the other point
	 * @param fraction from 0 (here) to 1 (there)
	 * @return the point in between
	 */
	public GeoPoint towards(GeoPoint other, double fraction) {
		return new GeoPoint(this.lat + (other.lat - this.lat) * fraction, this.lon + (other.lon - this.lon) * fraction);
	}

	/**
	 * The distance to another point along streets running east-west and north-south: how
	 * far a courier still rides on its route.
	 * @param other the other point
	 * @return the distance in meters
	 */
	public double streetMetersTo(GeoPoint other) {
		GeoPoint corner = new GeoPoint(this.lat, other.lon);
		return metersTo(corner) + corner.metersTo(other);
	}

}
