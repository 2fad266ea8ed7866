package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a bill: a pizza, or an extra topping on one.
 *
 * @param pizza the number of the pizza it belongs to, from 1
 * @param item the pizza's or topping's name
 * @param kind a pizza, or an extra topping
 * @param price its price, to the cent
 */
record BillLine(int pizza, String item, Kind kind, BigDecimal price) {

	BillLine {
		price = price.setScale(2, RoundingMode.UNNECESSARY);
	}

	static BillLine pizza(int pizza, String name, BigDecimal price) {
		return new BillLine(pizza, name, Kind.PIZZA, price);
	}

	static BillLine topping(int pizza, String name, BigDecimal price) {
		return new BillLine(pizza, name, Kind.TOPPING, price);
	}

	/**
	 * What a line charges for.
	 */
	enum Kind {

		PIZZA, TOPPING

	}

}
