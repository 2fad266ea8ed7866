package io.pizza.order.rows;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.pizza.order.persistence.AssignedId;

/**
 * An order whose row the brokers acknowledged: what makes the feed skip the order when it
 * meets its id again.
 */
@Entity
@Table(name = "order_rows_sent")
class RowSent extends AssignedId<UUID> {

	@Id
	private UUID orderId;

	@Column(nullable = false)
	private Instant sentAt;

	protected RowSent() {
	}

	RowSent(UUID orderId, Instant sentAt) {
		this.orderId = orderId;
		this.sentAt = sentAt;
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

}
