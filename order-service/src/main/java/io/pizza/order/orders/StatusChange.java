package io.pizza.order.orders;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One step of an order's timeline: its status, when, and which instance reported it.
 */
@Entity
@Table(name = "order_status")
class StatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "order_id")
	private PizzaOrder order;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "by_instance", nullable = false)
	private String by;

	protected StatusChange() {
	}

	StatusChange(PizzaOrder order, Status status, Instant at, String by) {
		this.order = order;
		this.status = status;
		this.at = at;
		this.by = by;
	}

	Status getStatus() {
		return this.status;
	}

	Instant getAt() {
		return this.at;
	}

	String getBy() {
		return this.by;
	}

}
