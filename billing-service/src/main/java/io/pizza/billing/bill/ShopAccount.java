package io.pizza.billing.bill;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One shop's running totals: how many bills it has and their sum, added to in the
 * transaction that inserts the bills.
 */
@Entity
@Table(name = "shop_totals")
class ShopAccount {

	@Id
	private String shop;

	@Column(nullable = false)
	private long bills;

	@Column(nullable = false, precision = 14, scale = 2)
	private BigDecimal revenue;

	protected ShopAccount() {
	}

}
