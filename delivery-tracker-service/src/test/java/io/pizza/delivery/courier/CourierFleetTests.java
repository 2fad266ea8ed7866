package io.pizza.delivery.courier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import io.pizza.delivery.city.GeoPoint;
import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.Destination;
import io.pizza.delivery.tracking.CourierMoved;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

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
 * fails rides on and comes back; a courier taken over rides on from where it is; orders
 * handed over are left to their new owner.
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
		given(this.couriers.position(any(), any())).willReturn(CompletableFuture.completedFuture(null));
		this.fleet = new CourierFleet(this.couriers, new DeliverySpans(ObservationRegistry.NOOP),
				new DeliveryTrackerProperties("tracker-1", "pizza-order-status", "pizza-orders", null,
						Duration.ofHours(2), 1000, Duration.ofSeconds(30), 100, Duration.ofSeconds(10),
						DataSize.ofKilobytes(4), null,
						new DeliveryTrackerProperties.Courier(Duration.ofMillis(20), Duration.ofMillis(200), 1), null,
						null, null));
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
		given(this.couriers.position(any(), any())).willAnswer((call) -> {
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

	@Test
	void aCourierTakenOverRidesOnFromWhereItIsWithoutLeavingAgain() {
		List<CourierMoved> positions = new CopyOnWriteArrayList<>();
		given(this.couriers.position(any(), any())).willAnswer((call) -> {
			positions.add(call.getArgument(0));
			return CompletableFuture.completedFuture(null);
		});
		// half of the 200 ms trip behind it
		CompletableFuture<Void> delivered = this.fleet.resume(order(1, "Marios"), "courier-0000",
				Instant.now().minusMillis(100));
		await().atMost(Duration.ofSeconds(10)).until(delivered::isDone);
		assertThat(this.statuses).containsExactly("DELIVERED order-1");
		assertThat(positions).hasSizeBetween(1, 6).allMatch((position) -> position.courierId().equals("courier-0000"));
		assertThat(positions.get(positions.size() - 1).delivered()).isTrue();
	}

	@Test
	void deliveredIsSaidAgainUntilTheBrokersHaveIt() {
		AtomicInteger attempts = new AtomicInteger();
		given(this.couriers.status(any(), eq("DELIVERED"), anyString(), any())).willAnswer((call) -> {
			this.statuses.add("DELIVERED " + name(call.getArgument(0)));
			return (attempts.incrementAndGet() < 3)
					? CompletableFuture.failedFuture(new KafkaException("NOT_ENOUGH_REPLICAS"))
					: CompletableFuture.completedFuture(null);
		});
		CompletableFuture<Void> delivered = this.fleet.dispatch(order(1, "Marios"));
		await().atMost(Duration.ofSeconds(10)).until(delivered::isDone);
		assertThat(attempts.get()).isEqualTo(3);
		// the courier came back on arrival: the shop's next order did not wait for the
		// brokers
		this.fleet.dispatch(order(2, "Marios"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statuses).contains("DELIVERED order-2"));
		assertThat(this.statuses).filteredOn("DELIVERED order-1"::equals).hasSize(3);
	}

	@Test
	void ordersHandedOverAreNoLongerCarriedAndTheirCouriersComeBack() {
		CompletableFuture<Void> first = this.fleet.dispatch(order(1, "Marios"));
		this.fleet.dispatch(order(2, "Marios"));
		this.fleet.dispatch(order(3, "Marios"));
		this.fleet.abandon(List.of(new UUID(0, 1), new UUID(0, 2)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statuses).contains("DELIVERED order-3"));
		assertThat(this.statuses).containsExactly("OUT_FOR_DELIVERY order-1", "OUT_FOR_DELIVERY order-3",
				"DELIVERED order-3");
		assertThat(first).isNotDone();
	}

	private static Destination order(int n, String shop) {
		return new Destination(new UUID(0, n), shop, n + " Via Roma", new GeoPoint(45.46, 9.18),
				new GeoPoint(45.47, 9.19));
	}

	private static String name(UUID orderId) {
		return "order-" + orderId.getLeastSignificantBits();
	}

}
