package io.pizza.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An order as the service keeps it: what was ordered, where Kafka stored it, and the
 * timeline of its status.
 */
@Entity
@Table(name = "orders")
class PizzaOrder implements Persistable<UUID> {

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

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	private Integer kafkaPartition;

	private Long kafkaOffset;

	@Column(nullable = false)
	private Instant placedAt;

	private String idempotencyKey;

	@Column(nullable = false)
	private String requestFingerprint;

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<StatusChange> timeline = new ArrayList<>();

	// the id is chosen here, not by the database: tell Spring Data a new order is new, so
	// that saving it is an insert, not a merge of a detached copy
	@Transient
	private boolean isNew = true;

	protected PizzaOrder() {
	}

	PizzaOrder(UUID orderId, String shop, String customerName, String customerPhone, String customerAddress,
			List<OrderedPizza> pizzas, Instant placedAt, String idempotencyKey, String requestFingerprint) {
		this.orderId = orderId;
		this.shop = shop;
		this.customerName = customerName;
		this.customerPhone = customerPhone;
		this.customerAddress = customerAddress;
		this.pizzas.addAll(pizzas);
		this.placedAt = placedAt;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.status = Status.PLACED;
	}

	/**
	 * Adds a step to the timeline, once per status; the order's status is the furthest
	 * step reached, whatever order the steps arrive in.
	 * @param status the status reported
	 * @param at when
	 * @param by the reporting instance
	 * @return whether the step was new
	 */
	boolean record(Status status, Instant at, String by) {
		if (this.timeline.stream().anyMatch((change) -> change.getStatus() == status)) {
			return false;
		}
		this.timeline.add(new StatusChange(this, status, at, by));
		if (status.compareTo(this.status) > 0) {
			this.status = status;
		}
		return true;
	}

	void storedAt(int partition, long offset) {
		this.kafkaPartition = partition;
		this.kafkaOffset = offset;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
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

	Status getStatus() {
		return this.status;
	}

	Integer getKafkaPartition() {
		return this.kafkaPartition;
	}

	Long getKafkaOffset() {
		return this.kafkaOffset;
	}

	Instant getPlacedAt() {
		return this.placedAt;
	}

	String getRequestFingerprint() {
		return this.requestFingerprint;
	}

	List<StatusChange> getTimeline() {
		return this.timeline.stream()
			.sorted(Comparator.comparing(StatusChange::getStatus).thenComparing(StatusChange::getAt))
			.toList();
	}

}
