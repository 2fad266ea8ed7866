package io.pizza.order.menu;

import io.pizza.order.config.OrderServiceSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /menu} lists the talk's shops, pizzas and toppings, priced in euros.
 */
@WebMvcTest(MenuController.class)
@Import({ Menu.class, OrderServiceSettings.class })
class MenuControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void listsTheShopsPizzasAndToppingsWithPrices() {
		MvcTestResult menu = this.mvc.get().uri("/menu").exchange();
		assertThat(menu).hasStatusOk();
		assertThat(menu).bodyJson().extractingPath("$.currency").isEqualTo("EUR");
		assertThat(menu).bodyJson()
			.extractingPath("$.shops")
			.asArray()
			.containsExactly("Marios Pizza", "Luigis Pizza", "Circular Pi Pizzeria",
					"Ill Make You a Pizza You Cant Refuse", "Mammamia Pizza", "Its-a me! Mario Pizza!");
		assertThat(menu).bodyJson()
			.extractingPath("$.pizzas[*].name")
			.asArray()
			.containsExactly("Margherita", "Marinara", "Diavola", "Mari & Monti", "Salami", "Peperoni");
		assertThat(menu).bodyJson().extractingPath("$.pizzas[0].price").isEqualTo(7.5);
		assertThat(menu).bodyJson().extractingPath("$.toppings[*].name").asArray().hasSize(13).contains("pineapple");
	}

}
