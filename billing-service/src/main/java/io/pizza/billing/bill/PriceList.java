package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What billing charges, under {@code billing.prices}: the menu's pizzas and extra
 * toppings with their prices, in one currency.
 *
 * @param currency the ISO 4217 code of every price
 * @param pizzas the pizzas
 * @param toppings the extra toppings
 */
@Validated
@ConfigurationProperties("billing.prices")
record PriceList(@Pattern(regexp = "[A-Z]{3}") String currency, @NotEmpty List<@Valid Item> pizzas,
		@NotEmpty List<@Valid Item> toppings) {

	/**
	 * The lines of an order's bill: each pizza, then its extra toppings.
	 * @param order the order
	 * @return the lines, in the order's order
	 * @throws NotOnPriceList if a pizza or topping has no price
	 */
	List<BillLine> lines(OrderPlaced order) {
		Map<String, BigDecimal> pizzaPrices = prices(this.pizzas);
		Map<String, BigDecimal> toppingPrices = prices(this.toppings);
		List<BillLine> lines = new ArrayList<>();
		for (int n = 0; n < order.pizzas().size(); n++) {
			OrderPlaced.Pizza pizza = order.pizzas().get(n);
			lines.add(BillLine.pizza(n + 1, pizza.name(), price(pizzaPrices, "pizza", pizza.name())));
			for (String topping : pizza.toppings()) {
				lines.add(BillLine.topping(n + 1, topping, price(toppingPrices, "topping", topping)));
			}
		}
		return lines;
	}

	private static Map<String, BigDecimal> prices(List<Item> items) {
		return items.stream().collect(Collectors.toMap(Item::name, Item::price, (first, second) -> first));
	}

	private static BigDecimal price(Map<String, BigDecimal> prices, String kind, String name) {
		BigDecimal price = prices.get(name);
		if (price == null) {
			throw new NotOnPriceList(kind, name);
		}
		return price;
	}

	/**
	 * A priced item.
	 *
	 * @param name its name on the menu
	 * @param price what it costs
	 */
	record Item(@NotBlank String name,
			@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price) {
	}

	/**
	 * An order names something billing has no price for: it cannot be billed, however
	 * often it is tried.
	 */
	static class NotOnPriceList extends IllegalArgumentException {

		NotOnPriceList(String kind, String name) {
			super("No price for " + kind + " '" + name + "'");
		}

	}

}
