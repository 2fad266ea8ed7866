package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One line of a bill: a pizza, or an extra topping on one.
 */
@Embeddable
class BillLine {

	/**
	 * What a line charges for.
	 */
	enum Kind {

		PIZZA, TOPPING

	}

	@Column(nullable = false)
	private int pizza;

	@Column(nullable = false)
	private String item;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false, precision = 12, scale = 2)
	private BigDecimal price;

	protected BillLine() {
	}

	private BillLine(int pizza, String item, Kind kind, BigDecimal price) {
		this.pizza = pizza;
		this.item = item;
		this.kind = kind;
		this.price = price.setScale(2, RoundingMode.UNNECESSARY);
	}

	static BillLine pizza(int pizza, String name, BigDecimal price) {
		return new BillLine(pizza, name, Kind.PIZZA, price);
	}

	static BillLine topping(int pizza, String name, BigDecimal price) {
		return new BillLine(pizza, name, Kind.TOPPING, price);
	}

	int getPizza() {
		return this.pizza;
	}

	String getItem() {
		return this.item;
	}

	Kind getKind() {
		return this.kind;
	}

	BigDecimal getPrice() {
		return this.price;
	}

}
