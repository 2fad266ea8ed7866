package io.pizza.order.orders;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model reads an order as the contract has it, and one written before prices
 * travelled with orders.
 */
class OrderPlacedTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsTheContractsOrderWithItsPrices() throws Exception {
		OrderPlaced order = json.readValue(Files.readString(Path.of("../contracts/pizza-orders/order-placed.json")),
				OrderPlaced.class);
		assertThat(order.pizzas().get(0).toppingNames()).containsExactly("olives");
		assertThat(order.pizzas().get(0).toppings().get(0).price()).isEqualByComparingTo("1.00");
		assertThat(order.total()).isEqualByComparingTo(new BigDecimal("17.50"));
	}

	@Test
	void readsAnOrderWrittenBeforePricesTravelledWithIt() {
		OrderPlaced order = json.readValue("""
				{"orderId": "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", "shop": "Luigis Pizza",
				 "customer": {"name": "Adele", "phone": "+39 02 1234567", "address": "Via Roma 1"},
				 "pizzas": [{"name": "Marinara", "toppings": ["olives", "garlic"]}],
				 "placedAt": "2026-11-25T10:15:30Z"}""", OrderPlaced.class);
		assertThat(order.pizzas().get(0).toppingNames()).containsExactly("olives", "garlic");
		assertThat(order.pizzas().get(0).price()).isNull();
		assertThat(order.total()).isNull();
	}

}
