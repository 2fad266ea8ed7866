package io.pizza.delivery.courier;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.pizza.delivery.city.GeoPoint;
import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.dispatch.Destination;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A shop's couriers are few: an order baked while all of them are out waits for the first
 * one back, and another shop's orders do not wait for it; a courier whose publishing
 * fails rides on and comes back.
 */
class CourierFleetTests {

	private final List<String> statuses = new CopyOnWriteArrayList<>();

	private final Couriers couriers = mock(Couriers.class);

	private CourierFleet fleet;

	@BeforeEach
	void oneCourierPerShop() {
		given(this.couriers.status(any(), anyString(), anyString(), any())).willAnswer((call) -> {
			this.statuses.add(call.getArgument(1) + " " + name(call.getArgument(0)));
			return CompletableFuture.completedFuture(null);
		});
		given(this.couriers.position(any())).willReturn(CompletableFuture.completedFuture(null));
		this.fleet = new CourierFleet(this.couriers,
				new DeliveryTrackerProperties("tracker-1", "pizza-order-status", "pizza-orders", null,
						Duration.ofHours(2), Duration.ofSeconds(10),
						new DeliveryTrackerProperties.Courier(Duration.ofMillis(20), Duration.ofMillis(200), 1)));
	}

	@AfterEach
	void stop() {
		this.fleet.destroy();
	}

	@Test
	void anOrderWaitsForItsShopsCourierToComeBack() {
		this.fleet.dispatch(order(1, "Marios"));
		this.fleet.dispatch(order(2, "Marios"));
		this.fleet.dispatch(order(3, "Luigis"));
		this.fleet.dispatch(order(4, "Marios"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statuses).contains("DELIVERED order-4"));
		assertThat(this.statuses).containsSubsequence("OUT_FOR_DELIVERY order-1", "DELIVERED order-1",
				"OUT_FOR_DELIVERY order-2", "DELIVERED order-2", "OUT_FOR_DELIVERY order-4", "DELIVERED order-4");
		assertThat(this.statuses.indexOf("OUT_FOR_DELIVERY order-3"))
			.isLessThan(this.statuses.indexOf("DELIVERED order-1"));
	}

	@Test
	void aCourierWhoseDepartureCouldNotBePublishedStillComesBackForTheNextOrder() {
		given(this.couriers.status(eq(new UUID(0, 1)), eq("OUT_FOR_DELIVERY"), anyString(), any()))
			.willThrow(new KafkaException("no metadata for pizza-order-status"));
		this.fleet.dispatch(order(1, "Marios"));
		this.fleet.dispatch(order(2, "Marios"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statuses).contains("DELIVERED order-2"));
		assertThat(this.statuses).containsSubsequence("DELIVERED order-1", "OUT_FOR_DELIVERY order-2");
	}

	@Test
	void aCourierWhosePositionsFailRidesOnAndDelivers() {
		AtomicInteger positions = new AtomicInteger();
		given(this.couriers.position(any())).willAnswer((call) -> {
			int n = positions.incrementAndGet();
			if (n == 3) {
				throw new KafkaException("buffer exhausted");
			}
			return (n == 4) ? CompletableFuture.failedFuture(new KafkaException("timed out"))
					: CompletableFuture.completedFuture(null);
		});
		this.fleet.dispatch(order(1, "Marios"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statuses).contains("DELIVERED order-1"));
		assertThat(positions.get()).isEqualTo(11);
	}

	private static Destination order(int n, String shop) {
		return new Destination(new UUID(0, n), shop, n + " Via Roma", new GeoPoint(45.46, 9.18),
				new GeoPoint(45.47, 9.19));
	}

	private static String name(UUID orderId) {
		return "order-" + orderId.getLeastSignificantBits();
	}

}
