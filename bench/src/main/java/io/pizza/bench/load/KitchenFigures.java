package io.pizza.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the kitchens' runs found, and how it is counted from the orders written and the
 * {@code BAKED} reports read: orders baked after a later one of their shop, and the
 * longest a partition went without a bake after a kill.
 */
final class KitchenFigures {

	private KitchenFigures() {
	}

	// orders baked after a later order of their shop had been
	static int outOfShopOrder(List<OrdersWritten.Written> written, Map<String, BakedOrders.Baked> baked) {
		Map<String, List<OrdersWritten.Written>> shops = written.stream()
			.collect(Collectors.groupingBy(OrdersWritten.Written::shop, LinkedHashMap::new, Collectors.toList()));
		int late = 0;
		for (List<OrdersWritten.Written> shop : shops.values()) {
			// walking each shop's orders from its last, an order baked after one placed
			// after it is out of its shop's order
			Instant earliestLater = null;
			for (int n = shop.size() - 1; n >= 0; n--) {
				BakedOrders.Baked order = baked.get(shop.get(n).orderId());
				if (order == null) {
					continue;
				}
				if (earliestLater != null && order.at().isAfter(earliestLater)) {
					late++;
				}
				else {
					earliestLater = order.at();
				}
			}
		}
		return late;
	}

	// the longest any partition with orders left at the kill went without a bake
	static double longestPause(List<OrdersWritten.Written> written, Map<String, BakedOrders.Baked> baked,
			Instant killed) {
		Map<Integer, List<Instant>> byPartition = written.stream()
			.map((order) -> baked.get(order.orderId()))
			.filter((order) -> order != null && order.at().isAfter(killed))
			.collect(Collectors.groupingBy(BakedOrders.Baked::partition,
					Collectors.mapping(BakedOrders.Baked::at, Collectors.toList())));
		long longest = 0;
		for (List<Instant> times : byPartition.values()) {
			times.sort(Comparator.naturalOrder());
			Instant before = killed;
			for (Instant at : times) {
				longest = Math.max(longest, Duration.between(before, at).toMillis());
				before = at;
			}
		}
		return longest / 1000.0;
	}

	/**
	 * Both kitchens measured.
	 *
	 * @param runs each kitchen with each number of makers
	 * @param kills each kitchen after a maker was killed
	 */
	record Result(List<Run> runs, List<Kill> kills) {
	}

	/**
	 * A backlog baked by one kitchen.
	 *
	 * @param kitchen {@code group} or {@code queue}
	 * @param makers how many makers (consumers), on two instances
	 * @param orders the orders of the backlog
	 * @param perSecond orders baked per second, from the first bake to the last
	 * @param outOfShopOrder orders baked after a later order of their shop
	 * @param notBaked orders not baked when the wait ended
	 */
	record Run(String kitchen, int makers, int orders, double perSecond, int outOfShopOrder, long notBaked) {

		@Override
		public String toString() {
			return "%s, %d makers: %.0f orders/s, %d of %d out of their shop's order%s".formatted(this.kitchen,
					this.makers, this.perSecond, this.outOfShopOrder, this.orders,
					(this.notBaked > 0) ? ", " + this.notBaked + " not baked" : "");
		}

	}

	/**
	 * A maker killed with {@code kill --hard} mid-backlog.
	 *
	 * @param kitchen {@code group} or {@code queue}
	 * @param held the orders the maker was baking when killed (its {@code GET /kitchen}
	 * just before: the order each of its makers had in hand, not every one its poll took)
	 * @param heldBakedAfter seconds from the kill until the last of them the other maker
	 * baked was baked, none when it held none
	 * @param longestPause the longest a partition with orders left went without a bake
	 * after the kill, in seconds
	 * @param notBaked orders not baked when the wait ended
	 */
	record Kill(String kitchen, int held, Double heldBakedAfter, double longestPause, long notBaked) {

		@Override
		public String toString() {
			return "%s: the %d orders the killed maker held baked after %s, longest partition pause %.1f s%s".formatted(
					this.kitchen, this.held,
					(this.heldBakedAfter != null) ? "%.1f s".formatted(this.heldBakedAfter) : "-", this.longestPause,
					(this.notBaked > 0) ? ", " + this.notBaked + " not baked" : "");
		}

	}

}
