package io.pizza.order.menu;

import java.util.List;

import io.pizza.order.config.OrderServiceProperties.Item;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /menu}: the shops, pizzas and toppings with their prices.
 */
@RestController
class MenuController {

	private final Menu menu;

	MenuController(Menu menu) {
		this.menu = menu;
	}

	@GetMapping("/menu")
	MenuView menu() {
		return new MenuView(Menu.CURRENCY, this.menu.shops(), this.menu.pizzas(), this.menu.toppings());
	}

	/**
	 * The menu as clients read it.
	 *
	 * @param currency the currency of the prices
	 * @param pizzas the pizzas and their prices
	 * @param toppings the extra toppings and their prices per pizza
	 */
	record MenuView(String currency, List<String> shops, List<Item> pizzas, List<Item> toppings) {
	}

}
