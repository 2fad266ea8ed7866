package io.pizza.order.book;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pizza.order.orders.OrderView;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * order-service's tables, a read model of the orders and status topics: each order once
 * by id, each step of its timeline once by order and status, written in batches by the
 * listeners and read by the API.
 */
@Component
public class ReadModel {

	/**
	 * The seconds a request's reading may take: a database that stalls makes an answer
	 * late, never an answer that hangs.
	 */
	private static final int REQUEST_TIMEOUT = 1;

	private final Orders orders;

	private final StatusChanges statuses;

	ReadModel(Orders orders, StatusChanges statuses) {
		this.orders = orders;
		this.statuses = statuses;
	}

	/**
	 * Finds an order with its timeline.
	 * @param orderId the order's id
	 * @return the order, if the read model has it
	 */
	@Transactional(readOnly = true, timeout = REQUEST_TIMEOUT)
	public Optional<OrderView> view(UUID orderId) {
		return stored(orderId).map(Stored::view);
	}

	/**
	 * Finds an order with its timeline and the fingerprint of the request that placed it.
	 * @param orderId the order's id
	 * @return the order, if the read model has it
	 */
	@Transactional(readOnly = true, timeout = REQUEST_TIMEOUT)
	public Optional<Stored> stored(UUID orderId) {
		return this.orders.findById(orderId)
			.map((order) -> new Stored(order.view(this.statuses.findByOrderIds(List.of(orderId))),
					order.getRequestFingerprint()));
	}

	/**
	 * A page of orders, the latest first, each with its timeline.
	 * @param shop only this shop's, when given
	 * @param page which page
	 * @return the page
	 */
	@Transactional(readOnly = true, timeout = REQUEST_TIMEOUT)
	public Page<OrderView> page(@Nullable String shop, Pageable page) {
		Page<PizzaOrder> orders = (shop != null) ? this.orders.findByShopOrderByPlacedAtDesc(shop, page)
				: this.orders.findAllByOrderByPlacedAtDesc(page);
		Map<UUID, List<StatusChange>> timelines = this.statuses
			.findByOrderIds(orders.map(PizzaOrder::getOrderId).getContent())
			.stream()
			.collect(Collectors.groupingBy(StatusChange::getOrderId));
		return orders.map((order) -> order.view(timelines.getOrDefault(order.getOrderId(), List.of())));
	}

	/**
	 * Which of some orders the read model has.
	 * @param orderIds the orders
	 * @return those it has
	 */
	@Transactional(readOnly = true)
	public Set<UUID> known(Collection<UUID> orderIds) {
		return new HashSet<>(this.orders.findKnown(orderIds));
	}

	/**
	 * Adds new orders, in one transaction of batched inserts.
	 * @param orders orders the read model does not have
	 */
	@Transactional
	public void add(List<PizzaOrder> orders) {
		this.orders.saveAll(orders);
	}

	/**
	 * Adds the steps of timelines that are not there yet, in one transaction of batched
	 * inserts.
	 * @param changes steps read from the status topic
	 * @return the steps that were new
	 */
	@Transactional
	public Set<StatusChange.Key> addSteps(List<StatusChange> changes) {
		Set<StatusChange.Key> known = this.statuses
			.findByOrderIds(changes.stream().map(StatusChange::getOrderId).collect(Collectors.toSet()))
			.stream()
			.map(StatusChange::getId)
			.collect(Collectors.toSet());
		Set<StatusChange.Key> added = new HashSet<>();
		List<StatusChange> fresh = changes.stream()
			.filter((change) -> !known.contains(change.getId()))
			.filter((change) -> added.add(change.getId()))
			.toList();
		this.statuses.saveAll(fresh);
		return added;
	}

	/**
	 * An order as stored, and the fingerprint of the request that placed it.
	 *
	 * @param view the order with its timeline
	 * @param fingerprint the digest of the request, when it came with an idempotency key
	 */
	public record Stored(OrderView view, @Nullable String fingerprint) {
	}

}
