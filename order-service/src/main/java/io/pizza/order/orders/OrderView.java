package io.pizza.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order as clients read it: where Kafka stored it and how far it has come.
 * {@code partition} and {@code offset} are null while the order is {@code PENDING} or
 * {@code NOT_PLACED}.
 *
 * @param orderId the order's id
 * @param shop the shop, the Kafka record's key
 * @param status the furthest status reached
 * @param partition the partition of the orders topic that holds the order
 * @param offset the order's offset in that partition
 * @param placedAt when the order was accepted
 * @param customer who ordered
 * @param pizzas what was ordered
 * @param timeline each status reached, when and by which instance
 */
record OrderView(UUID orderId, String shop, Status status, @Nullable Integer partition, @Nullable Long offset,
		Instant placedAt, Customer customer, List<Pizza> pizzas, List<Step> timeline) {

	/**
	 * An order of the read model.
	 * @param order the order
	 * @param steps the steps of its timeline after {@code PLACED}
	 * @return the view
	 */
	static OrderView of(PizzaOrder order, List<StatusChange> steps) {
		List<Step> timeline = new ArrayList<>();
		timeline.add(new Step(Status.PLACED, order.getPlacedAt(), order.getPlacedBy()));
		steps.stream()
			.sorted(Comparator.comparing(StatusChange::getStatus).thenComparing(StatusChange::getAt))
			.forEach((change) -> timeline.add(new Step(change.getStatus(), change.getAt(), change.getBy())));
		return new OrderView(order.getOrderId(), order.getShop(), timeline.get(timeline.size() - 1).status(),
				order.getKafkaPartition(), order.getKafkaOffset(), order.getPlacedAt(),
				new Customer(order.getCustomerName(), order.getCustomerPhone(), order.getCustomerAddress()),
				order.getPizzas().stream().map((pizza) -> new Pizza(pizza.getName(), pizza.getToppings())).toList(),
				timeline);
	}

	/**
	 * An order this instance sent, before the read model has it.
	 * @param placement the order and what came of its send
	 * @return the view: {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
	 */
	static OrderView of(Placement placement) {
		return of(placement.order(), placement.status(), placement.stored().orElse(null), placement.by());
	}

	/**
	 * An order as an instance's notes on the placements topic tell it.
	 * @param note the claim that counts and how it stands, with its order
	 * @return the view: {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
	 */
	static OrderView of(PlacementChanged note) {
		OrderPlaced order = Objects.requireNonNull(note.order(), "a note with its order");
		LogPosition stored = note.placed() ? new LogPosition(note.partition(), note.offset()) : null;
		return of(order, note.status(), stored, note.by());
	}

	private static OrderView of(OrderPlaced order, Status status, @Nullable LogPosition stored, String by) {
		return new OrderView(order.orderId(), order.shop(), status, (stored != null) ? stored.partition() : null,
				(stored != null) ? stored.offset() : null, order.placedAt(),
				new Customer(order.customer().name(), order.customer().phone(), order.customer().address()),
				order.pizzas().stream().map((pizza) -> new Pizza(pizza.name(), pizza.toppingNames())).toList(),
				(stored != null) ? List.of(new Step(Status.PLACED, order.placedAt(), by)) : List.of());
	}

	/**
	 * Who ordered.
	 *
	 * @param name the name
	 * @param phone the phone number
	 * @param address the delivery address
	 */
	record Customer(String name, String phone, String address) {
	}

	/**
	 * A pizza ordered.
	 *
	 * @param name the pizza
	 * @param toppings its extra toppings
	 */
	record Pizza(String name, List<String> toppings) {
	}

	/**
	 * A status the order reached.
	 *
	 * @param status the status
	 * @param at when
	 * @param by the instance that reported it
	 */
	record Step(Status status, Instant at, String by) {
	}

}
