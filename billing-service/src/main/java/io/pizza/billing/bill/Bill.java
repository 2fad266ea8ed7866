package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

import org.springframework.data.domain.Persistable;

/**
 * The bill of one order: its lines, their total, and the record of the orders topic it
 * was made from.
 */
@Entity
@Immutable
@Table(name = "bills")
class Bill implements Persistable<UUID> {

	@Id
	private UUID orderId;

	@Column(nullable = false)
	private String shop;

	// one jsonb value, written with the bill in the same row; an immutable list of
	// records, which Hibernate need not copy (through JSON and back) to see whether it
	// changed
	@Convert(converter = BillLinesColumn.class)
	@Mutability(Immutability.class)
	@Column(nullable = false, columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private List<BillLine> lines = List.of();

	@Column(nullable = false, precision = 12, scale = 2)
	private BigDecimal total;

	@Column(nullable = false, length = 3)
	private String currency;

	@Column(nullable = false)
	private Instant placedAt;

	@Column(nullable = false)
	private Instant billedAt;

	@Column(nullable = false)
	private int kafkaPartition;

	@Column(nullable = false)
	private long kafkaOffset;

	// the id is the order's, not the database's: a new bill must be inserted, never
	// merged, so that billing an order twice fails on the key instead of overwriting
	@Transient
	private boolean isNew = true;

	protected Bill() {
	}

	Bill(UUID orderId, String shop, List<BillLine> lines, String currency, Instant placedAt, Instant billedAt,
			int kafkaPartition, long kafkaOffset) {
		this.orderId = orderId;
		this.shop = shop;
		this.lines = List.copyOf(lines);
		this.total = lines.stream().map(BillLine::price).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		this.currency = currency;
		this.placedAt = placedAt;
		this.billedAt = billedAt;
		this.kafkaPartition = kafkaPartition;
		this.kafkaOffset = kafkaOffset;
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.isNew = false;
	}

	String getShop() {
		return this.shop;
	}

	List<BillLine> getLines() {
		return this.lines;
	}

	BigDecimal getTotal() {
		return this.total;
	}

	String getCurrency() {
		return this.currency;
	}

	Instant getPlacedAt() {
		return this.placedAt;
	}

	Instant getBilledAt() {
		return this.billedAt;
	}

	int getKafkaPartition() {
		return this.kafkaPartition;
	}

	long getKafkaOffset() {
		return this.kafkaOffset;
	}

}
