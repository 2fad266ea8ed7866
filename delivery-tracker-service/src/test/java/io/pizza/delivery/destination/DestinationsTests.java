package io.pizza.delivery.destination;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where orders go, each order id once: a copy of an order (another record with its id)
 * keeps the first record's destination and is told apart from the same record read again
 * after a rebalance; what waits for an order's destination is done once it is read.
 */
class DestinationsTests {

	private final Destinations destinations = new Destinations(new DeliveryTrackerProperties("tracker-1",
			"pizza-order-status", "pizza-orders", null, Duration.ofHours(2), 1000, Duration.ofSeconds(30), 100,
			Duration.ofSeconds(10), DataSize.ofKilobytes(4), null, null, null, null, null));

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

	@Test
	void whatWaitsForAnOrderIsDoneOnceItIsReadAndAMissingOrderIsLookedForOnce() {
		UUID orderId = UUID.randomUUID();
		List<String> sentTo = new ArrayList<>();
		assertThat(this.destinations.whenKnown(orderId, null, (destination) -> sentTo.add(destination.address())))
			.isFalse();
		assertThat(this.destinations.whenKnown(orderId, new RecordPosition(3, 42), (destination) -> {
		})).isFalse();
		assertThat(this.destinations.missingSince(Instant.now().minusSeconds(30))).as("not missing long").isEmpty();
		assertThat(this.destinations.missingSince(Instant.now().plusSeconds(1)))
			.containsExactly(new Destinations.Missing(orderId, new RecordPosition(3, 42)));
		assertThat(this.destinations.missingSince(Instant.now().plusSeconds(1))).as("looked for already").isEmpty();

		this.destinations.add(new OrderPlaced(orderId, "Marios Pizza", new OrderPlaced.Customer("Adele", "Via Roma 1")),
				3);
		assertThat(sentTo).containsExactly("Via Roma 1");
		assertThat(this.destinations.whenKnown(orderId, null, (destination) -> sentTo.add(destination.address())))
			.isTrue();
		assertThat(sentTo).hasSize(2);
	}

}
