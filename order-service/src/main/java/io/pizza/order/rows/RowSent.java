package io.pizza.order.rows;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An order whose row the brokers acknowledged: what makes the feed skip the order when it
 * meets its id again.
 */
@Entity
@Table(name = "order_rows_sent")
class RowSent implements Persistable<UUID> {

	@Id
	private UUID orderId;

	@Column(nullable = false)
	private Instant sentAt;

	@Transient
	private boolean isNew = true;

	protected RowSent() {
	}

	RowSent(UUID orderId, Instant sentAt) {
		this.orderId = orderId;
		this.sentAt = sentAt;
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

}
