package io.pizza.billing.bill;

import java.math.BigDecimal;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * An order is billed at the prices it carries, exact to the cent, only when they add up
 * and only within the contract's limits.
 */
class OrderPlacedTests {

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void theContractsOrderIsBilledAPizzaAndEachOfItsToppingsOnALine() throws Exception {
		OrderPlaced order = json.readValue(Files.readString(Path.of("../contracts/pizza-orders/order-placed.json")),
				OrderPlaced.class);
		assertThat(order.lines()).extracting(BillLine::pizza, BillLine::kind, BillLine::item, BillLine::price)
			.containsExactly(tuple(1, BillLine.Kind.PIZZA, "Margherita", new BigDecimal("7.50")),
					tuple(1, BillLine.Kind.TOPPING, "olives", new BigDecimal("1.00")),
					tuple(2, BillLine.Kind.PIZZA, "Diavola", new BigDecimal("9.00")));
		assertThat(order.currency()).isEqualTo("EUR");
	}

	@Test
	void billsTheContractsLargestOrderAndRefusesOneMorePizzaOrTopping() throws Exception {
		JsonNode limits = json.readTree(Files.readString(Path.of("../contracts/pizza-orders/order-limits.json")));
		int pizzas = limits.get("pizzas").asInt();
		int toppings = limits.get("toppingsPerPizza").asInt();
		assertThat(order(pizzas, toppings).lines()).hasSize(pizzas * (1 + toppings));
		assertThatIllegalArgumentException().isThrownBy(() -> order(pizzas + 1, toppings))
			.withMessage((pizzas + 1) + " pizzas: at most " + pizzas + " in an order");
		assertThatIllegalArgumentException().isThrownBy(() -> order(pizzas, toppings + 1))
			.withMessage((toppings + 1) + " extra toppings: at most " + toppings + " on a pizza");
	}

	@Test
	void sumsStayExactToTheCent() {
		// 0.1 + 0.2 style sums: 11.50 + 1.80 + 0.60 + 1.80 + 6.50
		OrderPlaced order = read("""
				[{"name": "Mari & Monti", "price": 11.50, "toppings": [{"name": "tuna", "price": 1.80},
				  {"name": "onion", "price": 0.60}, {"name": "tuna", "price": 1.80}]},
				 {"name": "Marinara", "price": 6.50, "toppings": []}]""", "22.20");
		assertThat(order.lines().stream().map(BillLine::price).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualTo(new BigDecimal("22.20"));
	}

	@Test
	void refusesPricesThatAreMissingNegativeOrFinerThanACentAndATotalThatDoesNotAddUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("[{\"name\": \"Margherita\", \"toppings\": []}]", "7.50"))
			.withMessageContaining("no price for 'Margherita'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("[{\"name\": \"Margherita\", \"price\": -7.50, \"toppings\": []}]", "-7.50"))
			.withMessageContaining("-7.50 is no price in cents");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("[{\"name\": \"Margherita\", \"price\": 7.505, \"toppings\": []}]", "7.505"))
			.withMessageContaining("7.505 is no price in cents");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("[{\"name\": \"Margherita\", \"price\": 7.50, \"toppings\": []}]", "7.00"))
			.withMessage("the pizzas add up to 7.50, not to the total 7.00");
	}

	@Test
	void refusesAnOrderWrittenBeforePricesTravelledWithIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("[{\"name\": \"Margherita\", \"price\": 7.50, \"toppings\": [\"olives\"]}]", "8.50"))
			.withMessageContaining("no price for 'olives'");
	}

	// each pizza 7.00, each topping on it 1.00
	private static OrderPlaced order(int pizzas, int toppingsEach) {
		String toppings = String.join(", ",
				Collections.nCopies(toppingsEach, "{\"name\": \"olives\", \"price\": 1.00}"));
		String pizza = "{\"name\": \"Margherita\", \"price\": 7.00, \"toppings\": [" + toppings + "]}";
		return read("[" + String.join(", ", Collections.nCopies(pizzas, pizza)) + "]",
				String.valueOf(pizzas * (7 + toppingsEach)));
	}

	private static OrderPlaced read(String pizzas, String total) {
		String order = """
				{"orderId": "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", "shop": "Luigis Pizza", "pizzas": %s,
				 "currency": "EUR", "total": %s, "placedAt": "2026-11-25T10:15:30Z"}""".formatted(pizzas, total);
		try {
			return json.readValue(order, OrderPlaced.class);
		}
		catch (ValueInstantiationException ex) {
			throw (ex.getCause() instanceof IllegalArgumentException cause) ? cause : ex;
		}
	}

}
