package io.pizza.billing.bill;

import java.math.BigDecimal;

/**
 * What one shop has billed.
 *
 * @param bills how many orders it billed
 * @param revenue the sum of their totals
 */
record ShopTotal(String shop, long bills, BigDecimal revenue) {

}
