package io.pizza.order.orders;

import java.time.Instant;
import java.util.List;
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
public record OrderView(UUID orderId, String shop, Status status, @Nullable Integer partition, @Nullable Long offset,
		Instant placedAt, Customer customer, List<Pizza> pizzas, List<Step> timeline) {

	/**
	 * An order before the read model has it: as the instance that sent it, or the notes
	 * on the placements topic, tell it.
	 * @param stored where the brokers put it, if they did
	 * @param by the instance that placed it
	 * @return the view: {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
	 */
	public static OrderView of(OrderPlaced order, Status status, @Nullable LogPosition stored, String by) {
		return new OrderView(order.orderId(), order.shop(), status, (stored != null) ? stored.partition() : null,
				(stored != null) ? stored.offset() : null, order.placedAt(),
				new Customer(order.customer().name(), order.customer().phone(), order.customer().address()),
				order.pizzas().stream().map((pizza) -> new Pizza(pizza.name(), pizza.toppingNames())).toList(),
				(stored != null) ? List.of(new Step(Status.PLACED, order.placedAt(), by)) : List.of());
	}

	/**
	 * Who ordered.
	 *
	 * @param phone the phone number
	 * @param address the delivery address
	 */
	public record Customer(String name, String phone, String address) {
	}

	/**
	 * A pizza ordered.
	 *
	 * @param name the pizza
	 * @param toppings its extra toppings
	 */
	public record Pizza(String name, List<String> toppings) {
	}

	/**
	 * A status the order reached.
	 *
	 * @param at when
	 * @param by the instance that reported it
	 */
	public record Step(Status status, Instant at, String by) {
	}

}
