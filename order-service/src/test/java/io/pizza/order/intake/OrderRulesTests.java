package io.pizza.order.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import io.pizza.order.menu.Menu;
import io.pizza.support.problems.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The rules take the contract's largest order and nothing larger.
 */
class OrderRulesTests {

	private static final JsonNode LIMITS = JsonMapper.shared()
		.readTree(read(Path.of("../contracts/pizza-orders/order-limits.json")));

	private final OrderRules rules = new OrderRules(menu());

	@Test
	void takeAnOrderAtTheContractsLimits() {
		assertThatNoException().isThrownBy(() -> this.rules.check(order(pizzas(), toppings())));
	}

	@Test
	void refuseOnePizzaMore() {
		OrderRejected rejected = catchThrowableOfType(OrderRejected.class,
				() -> this.rules.check(order(pizzas() + 1, toppings())));
		assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("pizzas");
	}

	@Test
	void refuseOneToppingMore() {
		OrderRejected rejected = catchThrowableOfType(OrderRejected.class,
				() -> this.rules.check(order(1, toppings() + 1)));
		assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("pizzas[0].toppings");
	}

	private static int pizzas() {
		return LIMITS.get("pizzas").asInt();
	}

	private static int toppings() {
		return LIMITS.get("toppingsPerPizza").asInt();
	}

	private static PlaceOrder order(int pizzas, int toppings) {
		return new PlaceOrder("Marios Pizza", new PlaceOrder.Customer("Adele", "+39 02 1234567", "Via Roma 1"),
				Collections.nCopies(pizzas, new PlaceOrder.Pizza("Diavola", Collections.nCopies(toppings, "olives"))));
	}

	private static Menu menu() {
		Menu menu = mock(Menu.class);
		given(menu.hasShop(anyString())).willReturn(true);
		given(menu.hasPizza(anyString())).willReturn(true);
		given(menu.hasTopping(anyString())).willReturn(true);
		return menu;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
