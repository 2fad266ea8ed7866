package io.pizza.dashboard.web;

import java.util.List;
import java.util.Map;

import io.pizza.dashboard.cluster.Snapshot;
import io.pizza.dashboard.flow.OrderFlow;
import io.pizza.dashboard.flow.ServiceEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * Everything the page shows at one moment.
 *
 * @param cluster the cluster as the Admin API tells it
 * @param shops every shop with the partition its orders land on, and those seen
 * @param recentOrders the latest orders, newest first
 * @param billing billing's totals, none when billing does not answer
 * @param inFlight the orders the makers of a share group hold now, as they tell
 * @param deliveryMap where the delivery map is
 * @param traces where an order's trace is, its id appended
 */
record DashboardView(Snapshot cluster, List<ShopPartition> shops, List<OrderFlow.Order> recentOrders,
		@Nullable Map<String, Object> billing, List<ServiceEndpoints.InHand> inFlight, String deliveryMap,
		String traces) {

	/**
	 * A shop and its partition.
	 *
	 * @param partition the partition of the orders topic its key goes to
	 * @param orders its orders the dashboard has seen since it started
	 */
	record ShopPartition(String shop, int partition, long orders) {
	}

}
