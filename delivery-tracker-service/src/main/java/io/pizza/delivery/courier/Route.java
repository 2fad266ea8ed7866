package io.pizza.delivery.courier;

import io.pizza.delivery.city.GeoPoint;

/**
 * A courier's way from a shop to an address, as a city's streets make it: along one
 * street east or west, then along another north or south.
 *
 * @param from where the courier starts
 * @param corner where it turns
 * @param to where it arrives
 */
record Route(GeoPoint from, GeoPoint corner, GeoPoint to) {

	static Route between(GeoPoint from, GeoPoint to) {
		return new Route(from, new GeoPoint(from.lat(), to.lon()), to);
	}

	/**
	 * Where the courier is after some part of the way.
	 * @param fraction from 0 (at the shop) to 1 (at the address)
	 * @return the point on the route
	 */
	GeoPoint at(double fraction) {
		double first = this.from.metersTo(this.corner);
		double total = first + this.corner.metersTo(this.to);
		if (total == 0) {
			return this.to;
		}
		double along = Math.max(0, Math.min(1, fraction)) * total;
		return (along <= first) ? this.from.towards(this.corner, (first == 0) ? 1 : along / first)
				: this.corner.towards(this.to, (along - first) / (total - first));
	}

}
