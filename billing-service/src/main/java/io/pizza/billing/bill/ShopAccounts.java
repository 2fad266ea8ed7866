package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Every shop's running totals.
 */
interface ShopAccounts extends Repository<ShopAccount, String> {

	@Query("select new io.pizza.billing.bill.ShopTotal(a.shop, a.bills, a.revenue) from ShopAccount a order by a.shop")
	List<ShopTotal> totals();

	/**
	 * Adds bills to a shop's totals, opening its account with the first.
	 * @param bills how many bills are added
	 * @param revenue their sum
	 */
	@Modifying
	@Query(value = """
			INSERT INTO shop_totals (shop, bills, revenue) VALUES (:shop, :bills, :revenue)
			ON CONFLICT (shop) DO UPDATE
			SET bills = shop_totals.bills + excluded.bills, revenue = shop_totals.revenue + excluded.revenue""",
			nativeQuery = true)
	void add(String shop, long bills, BigDecimal revenue);

}
