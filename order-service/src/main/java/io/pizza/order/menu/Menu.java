package io.pizza.order.menu;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.config.OrderServiceProperties.Item;

import org.springframework.stereotype.Component;

/**
 * What can be ordered: the shops, their pizzas and the extra toppings, priced in euros.
 */
@Component
public class Menu {

	/** The currency of every price. */
	public static final String CURRENCY = "EUR";

	private final OrderServiceProperties.Menu menu;

	private final Set<String> shops;

	private final Map<String, BigDecimal> pizzas;

	private final Map<String, BigDecimal> toppings;

	Menu(OrderServiceProperties properties) {
		this.menu = properties.menu();
		this.shops = Set.copyOf(this.menu.shops());
		this.pizzas = prices(this.menu.pizzas());
		this.toppings = prices(this.menu.toppings());
	}

	public boolean hasShop(String shop) {
		return this.shops.contains(shop);
	}

	public boolean hasPizza(String pizza) {
		return this.pizzas.containsKey(pizza);
	}

	public boolean hasTopping(String topping) {
		return this.toppings.containsKey(topping);
	}

	/**
	 * What a pizza costs, to the cent.
	 * @param pizza a pizza on the menu
	 * @return its price
	 * @throws IllegalArgumentException if the menu has no such pizza
	 */
	public BigDecimal pizzaPrice(String pizza) {
		return price(this.pizzas, pizza);
	}

	/**
	 * What an extra topping costs on one pizza, to the cent.
	 * @param topping a topping on the menu
	 * @return its price
	 * @throws IllegalArgumentException if the menu has no such topping
	 */
	public BigDecimal toppingPrice(String topping) {
		return price(this.toppings, topping);
	}

	public List<String> shops() {
		return this.menu.shops();
	}

	public List<Item> pizzas() {
		return this.menu.pizzas();
	}

	public List<Item> toppings() {
		return this.menu.toppings();
	}

	private static Map<String, BigDecimal> prices(List<Item> items) {
		return items.stream()
			.collect(Collectors.toUnmodifiableMap(Item::name,
					(item) -> item.price().setScale(2, RoundingMode.UNNECESSARY), (first, second) -> first));
	}

	private static BigDecimal price(Map<String, BigDecimal> prices, String name) {
		BigDecimal price = prices.get(name);
		if (price == null) {
			throw new IllegalArgumentException("'" + name + "' is not on the menu");
		}
		return price;
	}

}
