package io.pizza.order.menu;

import java.util.List;
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

	private final Set<String> pizzas;

	private final Set<String> toppings;

	Menu(OrderServiceProperties properties) {
		this.menu = properties.menu();
		this.shops = Set.copyOf(this.menu.shops());
		this.pizzas = names(this.menu.pizzas());
		this.toppings = names(this.menu.toppings());
	}

	public boolean hasShop(String shop) {
		return this.shops.contains(shop);
	}

	public boolean hasPizza(String pizza) {
		return this.pizzas.contains(pizza);
	}

	public boolean hasTopping(String topping) {
		return this.toppings.contains(topping);
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

	private static Set<String> names(List<Item> items) {
		return items.stream().map(Item::name).collect(Collectors.toUnmodifiableSet());
	}

}
