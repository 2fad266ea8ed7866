package io.pizza.delivery.tracking;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.delivery.city.City;
import io.pizza.delivery.city.GeoPoint;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TestUser;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker: an order baked sends a courier from the shop to the customer; a
 * client following the order over Server-Sent Events gets its positions in order, then
 * {@code delivered}; the order's status moves to {@code OUT_FOR_DELIVERY} and
 * {@code DELIVERED}; positions are written and read as their contract has them; and a
 * courier's app reporting an old position sees it flagged stale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-under-test",
				"delivery-tracker-service.positions-topic.replicas=1",
				"delivery-tracker-service.courier.interval=200ms", "delivery-tracker-service.courier.trip=3s",
				"delivery-tracker-service.streams.heartbeat=200ms",
				"spring.kafka.consumer.auto-offset-reset=earliest" })
@Import({ RealKafka.class, PizzaTopics.class })
class DeliveryFlowTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ObjectNode CONTRACT = KitchenEvents.contract("delivery-positions/courier-moved.json");

	@LocalServerPort
	int port;

	@Autowired
	LiveFeed feed;

	@Autowired
	Deliveries deliveries;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void aBakedOrderIsDeliveredWhileItsClientWatchesItMove() {
		UUID orderId = UUID.randomUUID();
		String address = "Via Torino " + orderId.toString().substring(0, 3) + ", Milano";
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		kitchen.orderPlaced(orderId, "Luigis Pizza", address);
		try (SseClient client = SseClient.open(uri("/deliveries/" + orderId + "/positions"))) {
			kitchen.baked(orderId);
			await().atMost(Duration.ofSeconds(30)).until(client::ended);
			List<SseClient.Event> events = client.events();
			assertThat(events).hasSizeGreaterThanOrEqualTo(10);
			assertThat(events.subList(0, events.size() - 1)).extracting(SseClient.Event::name).containsOnly("position");
			assertThat(events.get(events.size() - 1).name()).isEqualTo("delivered");
			List<Instant> times = events.stream()
				.map((event) -> Instant.parse(event.data().get("at").asString()))
				.toList();
			assertThat(times).isSorted().doesNotHaveDuplicates();
			GeoPoint shop = City.MILANO.locate("Luigis Pizza");
			GeoPoint customer = City.MILANO.locate(address);
			assertThat(point(events.get(0).data()).metersTo(shop)).isLessThan(1.0);
			assertThat(point(events.get(events.size() - 1).data()).metersTo(customer)).isLessThan(1.0);
			assertThat(events).allSatisfy((event) -> {
				assertThat(event.data().get("orderId").asString()).isEqualTo(orderId.toString());
				assertThat(event.data().get("stale").asBoolean()).isFalse();
				assertThat(event.data().get("shop").asString()).isEqualTo("Luigis Pizza");
			});
			// each event was on its way from the courier to the client for well under the
			// talk's 10 seconds
			assertThat(events).allSatisfy((event) -> assertThat(
					Duration.between(Instant.parse(event.data().get("at").asString()), event.receivedAt()))
				.isLessThan(Duration.ofSeconds(2)));
		}
		await().untilAsserted(
				() -> assertThat(statuses(orderId)).containsExactly("BAKED", "OUT_FOR_DELIVERY", "DELIVERED"));
		JsonNode latest = json.readTree(get("/deliveries/" + orderId));
		assertThat(latest.get("delivered").asBoolean()).isTrue();
		assertThat(latest.get("etaSeconds").asLong()).isZero();
		assertThat(latest.get("remainingMeters").asLong()).isZero();
		// what the couriers wrote has the fields of the published contract, no more
		List<JsonNode> written = TopicContents.readAll(bootstrapServers(), "delivery-positions")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()))
			.map((record) -> json.readTree(record.value()))
			.toList();
		assertThat(written).hasSizeGreaterThanOrEqualTo(10)
			.allSatisfy((position) -> assertThat(position.propertyNames())
				.containsExactlyInAnyOrderElementsOf(CONTRACT.propertyNames()));
	}

	@Test
	void aPositionWrittenAsTheContractHasItIsShown() {
		UUID orderId = UUID.randomUUID();
		ObjectNode position = CONTRACT.deepCopy();
		position.put("orderId", orderId.toString());
		position.put("at", Instant.now().toString());
		new KitchenEvents(bootstrapServers()).send("delivery-positions", orderId.toString(), position.toString());
		await().untilAsserted(() -> {
			JsonNode delivery = json.readTree(get("/deliveries/" + orderId));
			assertThat(delivery.get("courierId").asString()).isEqualTo(CONTRACT.get("courierId").asString());
			assertThat(point(delivery)).isEqualTo(point(CONTRACT));
			assertThat(delivery.get("delivered").asBoolean()).isFalse();
		});
	}

	@Test
	void streamsOfOrdersThatNeverComeAreForgottenOnceTheirClientsLeave() {
		// the orders of this test alone: another test's stream may end meanwhile
		List<UUID> orderIds = new ArrayList<>();
		List<SseClient> clients = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orderIds.add(UUID.randomUUID());
			clients.add(SseClient.open(uri("/deliveries/" + orderIds.get(i) + "/positions")));
		}
		clients.forEach((client) -> assertThat(client.status()).isEqualTo(200));
		await().untilAsserted(() -> assertThat(orderIds).allMatch(this.feed::follows));
		clients.forEach(SseClient::close);
		// no position ever comes for them: the heartbeat finds each client gone
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orderIds).noneMatch(this.feed::follows));
	}

	@Test
	void aPositionOlderThanTenSecondsIsFlaggedStale() {
		UUID orderId = UUID.randomUUID();
		// bike-7 is on its way with it, its last position 30 s old
		this.deliveries
			.record(new CourierMoved(orderId, "bike-7", 45.4600, 9.19, Instant.now().minusSeconds(40), false));
		String old = Instant.now().minusSeconds(30).toString();
		String report = """
				{"orderId": "%s", "lat": 45.4642, "lon": 9.19, "at": "%s"}""".formatted(orderId, old);
		assertThat(post("/couriers/bike-7/positions", report)).contains("\"courierId\":\"bike-7\"");
		await().untilAsserted(() -> {
			JsonNode delivery = json.readTree(get("/deliveries/" + orderId));
			assertThat(delivery.get("stale").asBoolean()).isTrue();
			assertThat(delivery.get("ageMillis").asLong()).isGreaterThanOrEqualTo(30_000);
		});
		String fresh = """
				{"orderId": "%s", "lat": 45.4650, "lon": 9.191}""".formatted(orderId);
		post("/couriers/bike-7/positions", fresh);
		await().untilAsserted(() -> {
			JsonNode delivery = json.readTree(get("/deliveries/" + orderId));
			assertThat(delivery.get("stale").asBoolean()).isFalse();
			assertThat(delivery.get("lat").asDouble()).isCloseTo(45.4650, within(1e-9));
		});
	}

	private List<String> statuses(UUID orderId) {
		return TopicContents.readAll(bootstrapServers(), "pizza-order-status")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()))
			.map(ConsumerRecord::value)
			.map((value) -> json.readTree(value).get("status").asString())
			.toList();
	}

	private static GeoPoint point(JsonNode position) {
		return new GeoPoint(position.get("lat").asDouble(), position.get("lon").asDouble());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private String get(String path) {
		return Http.get(uri(path));
	}

	// as the courier bike-7, the only one who may report its own positions
	private String post(String path, String body) {
		return Http.post(uri(path), body, TestUser.COURIER);
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
