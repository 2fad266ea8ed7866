package io.pizza.billing.bill;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bill of one order.
 */
@Entity
@Table(name = "bills")
class Bill {

	@Id
	private UUID orderId;

	@Column(nullable = false)
	private String shop;

	@Column(nullable = false)
	private int pizzas;

	@Column(nullable = false)
	private Instant placedAt;

	@Column(nullable = false)
	private Instant billedAt;

	protected Bill() {
	}

	Bill(UUID orderId, String shop, int pizzas, Instant placedAt, Instant billedAt) {
		this.orderId = orderId;
		this.shop = shop;
		this.pizzas = pizzas;
		this.placedAt = placedAt;
		this.billedAt = billedAt;
	}

	UUID getOrderId() {
		return this.orderId;
	}

	String getShop() {
		return this.shop;
	}

	int getPizzas() {
		return this.pizzas;
	}

	Instant getPlacedAt() {
		return this.placedAt;
	}

	Instant getBilledAt() {
		return this.billedAt;
	}

}
