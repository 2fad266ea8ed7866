package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every shop's bills and revenue, and their sums.
 *
 * @param currency the currency of every amount
 * @param bills how many orders were billed
 * @param revenue the sum of all totals
 * @param shops each shop's, by name
 */
record Summary(String currency, long bills, BigDecimal revenue, List<ShopTotal> shops) {

	static Summary of(String currency, List<ShopTotal> shops) {
		return new Summary(currency, shops.stream().mapToLong(ShopTotal::bills).sum(),
				shops.stream().map(ShopTotal::revenue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), shops);
	}

}
