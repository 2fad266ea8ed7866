package io.pizza.order.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pizza.order.book.OrdersStored;
import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.OrderPlaced;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an instance remembers of the orders it sent: a pending one until it settles, a
 * settled one until the read model has it or for a while, and never more settled ones
 * than its bound.
 */
class PlacementsTests {

	@Test
	void aPendingOrderStaysAndASettledOneLeavesOnceStored() {
		Placements placements = new Placements(Duration.ofMinutes(10), 100);
		Placement pending = placement();
		Placement placed = placement();
		placements.addIfAbsent(pending);
		placements.addIfAbsent(placed);
		placed.settle(new LogPosition(1, 7), null, () -> {
		});

		placements.stored(new OrdersStored(List.of(pending.order().orderId(), placed.order().orderId())));

		assertThat(placements.find(pending.order().orderId())).contains(pending);
		assertThat(placements.find(placed.order().orderId())).isEmpty();
	}

	@Test
	void settledOrdersPastTheBoundAreForgottenWhateverTheirAge() {
		Placements placements = new Placements(Duration.ofMinutes(10), 2);
		Placement pending = placement();
		placements.addIfAbsent(pending);
		for (int i = 0; i < 3; i++) {
			Placement failed = placement();
			placements.addIfAbsent(failed);
			failed.settle(null, new IllegalStateException("gave up"), () -> {
			});
		}
		placements.forgetSettled();
		assertThat(placements.size()).as("the pending one only").isOne();
		assertThat(placements.find(pending.order().orderId())).contains(pending);
	}

	@Test
	void withinTheBoundSettledOrdersAreKeptForTheirTime() {
		Placements placements = new Placements(Duration.ofMinutes(10), 100);
		Placement failed = placement();
		placements.addIfAbsent(failed);
		failed.settle(null, new IllegalStateException("gave up"), () -> {
		});
		placements.forgetSettled();
		assertThat(placements.find(failed.order().orderId())).contains(failed);
	}

	private static Placement placement() {
		return new Placement(new OrderPlaced(UUID.randomUUID(), "Marios Pizza",
				new OrderPlaced.Customer("Adele", "+39 02 1234567", "Via Roma 1"),
				List.of(new OrderPlaced.Pizza("Margherita", new BigDecimal("7.50"), List.of())), "EUR",
				new BigDecimal("7.50"), Instant.now()), null, "order-service");
	}

}
