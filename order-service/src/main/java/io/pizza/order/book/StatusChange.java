package io.pizza.order.book;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.pizza.order.orders.Status;
import io.pizza.order.persistence.AssignedId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One step of an order's timeline, as read from the status topic: its status, when, and
 * which instance reported it. Kept once per order and status, whether or not the order
 * itself is in the read model yet.
 */
@Entity
@Table(name = "order_status")
class StatusChange extends AssignedId<StatusChange.Key> {

	@EmbeddedId
	private Key key;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "by_instance", nullable = false)
	private String by;

	protected StatusChange() {
	}

	StatusChange(UUID orderId, Status status, Instant at, String by) {
		this.key = new Key(orderId, status);
		this.at = at;
		this.by = by;
	}

	@Override
	public Key getId() {
		return this.key;
	}

	UUID getOrderId() {
		return this.key.getOrderId();
	}

	Status getStatus() {
		return this.key.getStatus();
	}

	Instant getAt() {
		return this.at;
	}

	String getBy() {
		return this.by;
	}

	/**
	 * An order and a status it reached.
	 */
	@Embeddable
	static class Key implements Serializable {

		@Column(nullable = false)
		private UUID orderId;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private Status status;

		protected Key() {
		}

		Key(UUID orderId, Status status) {
			this.orderId = orderId;
			this.status = status;
		}

		UUID getOrderId() {
			return this.orderId;
		}

		Status getStatus() {
			return this.status;
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Key key) && this.orderId.equals(key.orderId) && this.status == key.status;
		}

		@Override
		public int hashCode() {
			return 31 * this.orderId.hashCode() + this.status.hashCode();
		}

	}

}
