package io.pizza.maker.kitchen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The kitchen bakes an order as large as the contract's largest, and no larger: one
 * larger would hold the oven past the transaction's timeout.
 */
class OrderPlacedTests {

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void takesTheContractsLargestOrderAndRefusesOneMorePizzaOrTopping() throws Exception {
		JsonNode limits = json.readTree(Files.readString(Path.of("../contracts/pizza-orders/order-limits.json")));
		int pizzas = limits.get("pizzas").asInt();
		int toppings = limits.get("toppingsPerPizza").asInt();
		OrderPlaced largest = order(pizzas, toppings);
		assertThat(largest.pizzas()).hasSize(pizzas)
			.allSatisfy((pizza) -> assertThat(pizza.toppings()).hasSize(toppings));
		assertThatIllegalArgumentException().isThrownBy(() -> order(pizzas + 1, toppings))
			.withMessage((pizzas + 1) + " pizzas: at most " + pizzas + " in an order");
		assertThatIllegalArgumentException().isThrownBy(() -> order(pizzas, toppings + 1))
			.withMessage((toppings + 1) + " extra toppings: at most " + toppings + " on a pizza");
	}

	private static OrderPlaced order(int pizzas, int toppingsEach) {
		String toppings = String.join(", ", Collections.nCopies(toppingsEach, "{\"name\": \"olives\"}"));
		String pizza = "{\"name\": \"Margherita\", \"toppings\": [" + toppings + "]}";
		String order = """
				{"orderId": "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", "shop": "Luigis Pizza", "pizzas": [%s],
				 "placedAt": "2026-11-25T10:15:30Z"}"""
			.formatted(String.join(", ", Collections.nCopies(pizzas, pizza)));
		try {
			return json.readValue(order, OrderPlaced.class);
		}
		catch (ValueInstantiationException ex) {
			throw (ex.getCause() instanceof IllegalArgumentException cause) ? cause : ex;
		}
	}

}
