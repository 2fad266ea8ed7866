package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Billing's price list, as bound from its configuration: equal to the menu customers
 * order from, and exact to the cent.
 */
@SpringBootTest(classes = PriceListTests.Config.class)
class PriceListTests {

	@Autowired
	PriceList prices;

	@Test
	void chargesWhatTheMenuShows() {
		TheMenu menu = TheMenu.ofOrderService();
		assertThat(byName(this.prices.pizzas())).isEqualTo(menu.pizzas());
		assertThat(byName(this.prices.toppings())).isEqualTo(menu.toppings());
		assertThat(this.prices.currency()).isEqualTo("EUR");
	}

	@Test
	void billsAPizzaAndEachOfItsToppingsOnALine() {
		OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "Luigis Pizza",
				List.of(new OrderPlaced.Pizza("Mari & Monti", List.of("tuna", "onion", "tuna")),
						new OrderPlaced.Pizza("Marinara", List.of())),
				Instant.now());
		List<BillLine> lines = this.prices.lines(order);
		assertThat(lines).extracting(BillLine::pizza, BillLine::kind, BillLine::item)
			.containsExactly(tuple(1, BillLine.Kind.PIZZA, "Mari & Monti"), tuple(1, BillLine.Kind.TOPPING, "tuna"),
					tuple(1, BillLine.Kind.TOPPING, "onion"), tuple(1, BillLine.Kind.TOPPING, "tuna"),
					tuple(2, BillLine.Kind.PIZZA, "Marinara"));
		// 0.1 + 0.2 style sums stay exact: 11.50 + 1.80 + 0.60 + 1.80 + 6.50
		assertThat(lines.stream().map(BillLine::price).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualTo(new BigDecimal("22.20"));
	}

	@Test
	void refusesWhatItHasNoPriceFor() {
		OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "Luigis Pizza",
				List.of(new OrderPlaced.Pizza("Margherita", List.of("caviar"))), Instant.now());
		assertThatExceptionOfType(PriceList.NotOnPriceList.class).isThrownBy(() -> this.prices.lines(order))
			.withMessage("No price for topping 'caviar'");
	}

	private static Map<String, BigDecimal> byName(List<PriceList.Item> items) {
		return items.stream().collect(Collectors.toMap(PriceList.Item::name, PriceList.Item::price));
	}

	@EnableConfigurationProperties(PriceList.class)
	static class Config {

	}

}
