package io.pizza.delivery.dispatch;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where orders go, each order id once: a copy of an order (another record with its id)
 * keeps the first record's destination and is told apart from the same record read again
 * after a rebalance.
 */
class DestinationsTests {

	private final Destinations destinations = new Destinations();

	@Test
	void aCopyOfAnOrderKeepsTheFirstRecordAndIsNamedAsSuch() {
		UUID orderId = UUID.randomUUID();
		OrderPlaced first = new OrderPlaced(orderId, "Marios Pizza", new OrderPlaced.Customer("Adele", "Via Roma 1"));
		OrderPlaced copy = new OrderPlaced(orderId, "Marios Pizza", new OrderPlaced.Customer("Adele", "Corso Como 5"));

		assertThat(this.destinations.add(first, 7)).isEmpty();
		assertThat(this.destinations.add(first, 7)).as("the same record read again").isEmpty();
		assertThat(this.destinations.add(copy, 12)).as("a copy").contains(7L);
		assertThat(this.destinations.of(orderId).orElseThrow().address()).isEqualTo("Via Roma 1");
	}

}
