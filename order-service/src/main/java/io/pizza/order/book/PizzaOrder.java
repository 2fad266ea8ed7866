package io.pizza.order.book;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.pizza.order.orders.OrderPlaced;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import io.pizza.order.persistence.AssignedId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An order as the read model keeps it: what was ordered, where Kafka stored it, who
 * placed it. Written only from the orders topic, once per order id.
 */
@Entity
@Table(name = "orders")
class PizzaOrder extends AssignedId<UUID> {

	@Id
	private UUID orderId;

	@Column(nullable = false)
	private String shop;

	@Column(nullable = false)
	private String customerName;

	@Column(nullable = false)
	private String customerPhone;

	@Column(nullable = false)
	private String customerAddress;

	@ElementCollection
	@CollectionTable(name = "order_pizzas", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<OrderedPizza> pizzas = new ArrayList<>();

	@Column(nullable = false)
	private int kafkaPartition;

	@Column(nullable = false)
	private long kafkaOffset;

	@Column(nullable = false)
	private Instant placedAt;

	@Column(nullable = false)
	private String placedBy;

	private String requestFingerprint;

	protected PizzaOrder() {
	}

	PizzaOrder(OrderPlaced order, int partition, long offset, String placedBy, @Nullable String requestFingerprint) {
		this.orderId = order.orderId();
		this.shop = order.shop();
		this.customerName = order.customer().name();
		this.customerPhone = order.customer().phone();
		this.customerAddress = order.customer().address();
		order.pizzas().forEach((pizza) -> this.pizzas.add(new OrderedPizza(pizza.name(), pizza.toppingNames())));
		this.kafkaPartition = partition;
		this.kafkaOffset = offset;
		this.placedAt = order.placedAt();
		this.placedBy = placedBy;
		this.requestFingerprint = requestFingerprint;
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

	UUID getOrderId() {
		return this.orderId;
	}

	String getShop() {
		return this.shop;
	}

	String getCustomerName() {
		return this.customerName;
	}

	String getCustomerPhone() {
		return this.customerPhone;
	}

	String getCustomerAddress() {
		return this.customerAddress;
	}

	List<OrderedPizza> getPizzas() {
		return this.pizzas;
	}

	int getKafkaPartition() {
		return this.kafkaPartition;
	}

	long getKafkaOffset() {
		return this.kafkaOffset;
	}

	Instant getPlacedAt() {
		return this.placedAt;
	}

	String getPlacedBy() {
		return this.placedBy;
	}

	@Nullable String getRequestFingerprint() {
		return this.requestFingerprint;
	}

	/**
	 * The order as clients read it.
	 * @param steps the steps of its timeline after {@code PLACED}
	 * @return the view
	 */
	OrderView view(List<StatusChange> steps) {
		List<OrderView.Step> timeline = new ArrayList<>();
		timeline.add(new OrderView.Step(Status.PLACED, this.placedAt, this.placedBy));
		steps.stream()
			.sorted(Comparator.comparing(StatusChange::getStatus).thenComparing(StatusChange::getAt))
			.forEach((change) -> timeline.add(new OrderView.Step(change.getStatus(), change.getAt(), change.getBy())));
		return new OrderView(getOrderId(), this.shop, timeline.get(timeline.size() - 1).status(), this.kafkaPartition,
				this.kafkaOffset, this.placedAt,
				new OrderView.Customer(this.customerName, this.customerPhone, this.customerAddress),
				this.pizzas.stream().map((pizza) -> new OrderView.Pizza(pizza.getName(), pizza.getToppings())).toList(),
				timeline);
	}

}
