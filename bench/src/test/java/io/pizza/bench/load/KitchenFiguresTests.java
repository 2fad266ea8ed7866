package io.pizza.bench.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kitchens' figures from what was written and what was baked.
 */
class KitchenFiguresTests {

	private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void countsTheOrdersBakedAfterALaterOneOfTheirShop() {
		List<OrdersWritten.Written> written = List.of(new OrdersWritten.Written("a1", "A"),
				new OrdersWritten.Written("b1", "B"), new OrdersWritten.Written("a2", "A"),
				new OrdersWritten.Written("a3", "A"), new OrdersWritten.Written("b2", "B"));
		// a1 after a2 and a3; b1 and b2 in order; a2 before a3
		Map<String, BakedOrders.Baked> baked = Map.of("a1", baked(5, 0), "a2", baked(1, 0), "a3", baked(2, 0), "b1",
				baked(1, 1), "b2", baked(3, 1));
		assertThat(KitchenFigures.outOfShopOrder(written, baked)).isEqualTo(1);
		assertThat(KitchenFigures.outOfShopOrder(written,
				Map.of("a1", baked(1, 0), "a2", baked(2, 0), "a3", baked(3, 0), "b1", baked(1, 1), "b2", baked(2, 1))))
			.isZero();
	}

	@Test
	void findsTheLongestAPartitionWentWithoutABakeAfterTheKill() {
		List<OrdersWritten.Written> written = List.of(new OrdersWritten.Written("a1", "A"),
				new OrdersWritten.Written("a2", "A"), new OrdersWritten.Written("b1", "B"),
				new OrdersWritten.Written("b2", "B"));
		// the kill at T+10 s: partition 0 bakes again 1 s after, partition 1 after 7 s
		// and then waits 2 s more
		Map<String, BakedOrders.Baked> baked = Map.of("a1", baked(11, 0), "a2", baked(12, 0), "b1", baked(17, 1), "b2",
				baked(19, 1));
		assertThat(KitchenFigures.longestPause(written, baked, T.plusSeconds(10))).isEqualTo(7.0);
	}

	private static BakedOrders.Baked baked(int second, int partition) {
		return new BakedOrders.Baked(T.plusSeconds(second), partition, "pizza-maker-1");
	}

}
