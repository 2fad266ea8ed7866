package io.pizza.billing.bill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The menu customers see, read from order-service's own configuration: what bills must
 * agree with.
 *
 * @param pizzas each pizza's price, by name
 * @param toppings each extra topping's price, by name
 */
record TheMenu(List<String> shops, Map<String, BigDecimal> pizzas, Map<String, BigDecimal> toppings) {

	static TheMenu ofOrderService() {
		StandardEnvironment environment = new StandardEnvironment();
		try {
			new YamlPropertySourceLoader()
				.load("order-service", new FileSystemResource("../order-service/src/main/resources/application.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Menu menu = new Binder(ConfigurationPropertySources.get(environment)).bind("order-service.menu", Menu.class)
			.get();
		return new TheMenu(menu.shops(), byName(menu.pizzas()), byName(menu.toppings()));
	}

	private static Map<String, BigDecimal> byName(List<Item> items) {
		return items.stream().collect(Collectors.toMap(Item::name, Item::price));
	}

	/**
	 * A pizza priced as order-service prices it when the order is taken.
	 * @param name the pizza's name
	 * @param toppings its extra toppings' names
	 * @return the pizza as the order carries it
	 */
	OrderPlaced.Pizza pizza(String name, String... toppings) {
		return new OrderPlaced.Pizza(name, this.pizzas.get(name),
				Stream.of(toppings)
					.map((topping) -> new OrderPlaced.Topping(topping, this.toppings.get(topping)))
					.toList());
	}

	/**
	 * What pizzas cost by the menu, whatever prices they carry.
	 * @param pizzas each pizza with its extra toppings
	 * @return the sum of their prices
	 */
	BigDecimal price(List<OrderPlaced.Pizza> pizzas) {
		BigDecimal total = BigDecimal.ZERO;
		for (OrderPlaced.Pizza pizza : pizzas) {
			total = total.add(this.pizzas.get(pizza.name()));
			for (OrderPlaced.Topping topping : pizza.toppings()) {
				total = total.add(this.toppings.get(topping.name()));
			}
		}
		return total;
	}

	record Menu(List<String> shops, List<Item> pizzas, List<Item> toppings) {
	}

	record Item(String name, BigDecimal price) {
	}

}
