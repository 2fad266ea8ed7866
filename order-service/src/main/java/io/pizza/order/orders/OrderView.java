package io.pizza.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as clients read it: where Kafka stored it and how far it has come.
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
record OrderView(UUID orderId, String shop, Status status, Integer partition, Long offset, Instant placedAt,
		Customer customer, List<Pizza> pizzas, List<Step> timeline) {

	static OrderView of(PizzaOrder order) {
		return new OrderView(order.getOrderId(), order.getShop(), order.getStatus(), order.getKafkaPartition(),
				order.getKafkaOffset(), order.getPlacedAt(),
				new Customer(order.getCustomerName(), order.getCustomerPhone(), order.getCustomerAddress()),
				order.getPizzas().stream().map((pizza) -> new Pizza(pizza.getName(), pizza.getToppings())).toList(),
				order.getTimeline()
					.stream()
					.map((change) -> new Step(change.getStatus(), change.getAt(), change.getBy()))
					.toList());
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
