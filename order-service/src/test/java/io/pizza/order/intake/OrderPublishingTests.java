package io.pizza.order.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pizza.order.book.ReadModel;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TestUser;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders placed over HTTP land on a real broker, keyed by shop, on the partition the
 * answer names, in the shape of the published contract; they are kept in a real
 * PostgreSQL read model built from the topic, readable at once, and follow the kitchen's
 * status changes; an idempotency key names one order wherever and whenever it is sent.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class, OrderPublishingTests.StatusTopic.class })
class OrderPublishingTests {

	private static final Path CONTRACT = Path.of("../contracts/pizza-orders/order-placed.json");

	private static final Path ROWS_CONTRACT = Path.of("../contracts/pizza_order_rows/order-row.json");

	private static final String ROWS_TOPIC = "pizza_order_rows";

	private static final Path STATUS_CONTRACT = Path.of("../contracts/pizza-order-status/order-status-changed.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	ReadModel readModel;

	@Autowired
	Placements placements;

	@Autowired
	Notes notes;

	@Test
	void ordersOfOneShopGoToThePartitionOfItsKey() throws Exception {
		List<JsonNode> answers = new ArrayList<>();
		for (String shop : List.of("Luigis Pizza", "Marios Pizza", "Luigis Pizza", "Circular Pi Pizzeria",
				"Luigis Pizza")) {
			MvcTestResult result = placeOrder(shop, null);
			assertThat(result).hasStatus(201).headers().containsHeader("Location");
			JsonNode answer = body(result);
			assertThat(answer.get("status").asString()).isEqualTo("PLACED");
			assertThat(answer.get("partition").asInt()).isEqualTo(expectedPartition(shop, 6));
			answers.add(answer);
		}
		List<ConsumerRecord<String, String>> records = readAll();
		for (JsonNode answer : answers) {
			ConsumerRecord<String, String> record = records.stream()
				.filter((r) -> r.partition() == answer.get("partition").asInt()
						&& r.offset() == answer.get("offset").asLong())
				.findFirst()
				.orElseThrow();
			assertThat(record.key()).isEqualTo(answer.get("shop").asString());
			assertThat(json.readTree(record.value()).get("orderId").asString())
				.isEqualTo(answer.get("orderId").asString());
			assertThat(record.headers().lastHeader("__TypeId__")).as("no Java type headers").isNull();
			assertThat(new String(record.headers().lastHeader("placed-by").value(), StandardCharsets.UTF_8))
				.isEqualTo("order-service");
		}
		List<Long> luigisOffsets = answers.stream()
			.filter((answer) -> answer.get("shop").asString().equals("Luigis Pizza"))
			.map((answer) -> answer.get("offset").asLong())
			.toList();
		assertThat(luigisOffsets).as("one shop's orders keep their order").isSorted();
	}

	@Test
	void publishedOrdersHaveTheFieldsOfTheContract() throws Exception {
		String orderId = body(placeOrder("Mammamia Pizza", null)).get("orderId").asString();
		ConsumerRecord<String, String> record = readAll().stream()
			.filter((r) -> json.readTree(r.value()).get("orderId").asString().equals(orderId))
			.findFirst()
			.orElseThrow();
		JsonNode contract = json.readTree(Files.readString(CONTRACT));
		assertThat(fieldPaths(json.readTree(record.value()))).isEqualTo(fieldPaths(contract));
	}

	@Test
	void everyOrderIsPublishedAgainAsATableRowWithItsSchema() throws Exception {
		JsonNode placed = body(placeOrder("Marios Pizza", null));
		String orderId = placed.get("orderId").asString();
		ConsumerRecord<String, String> row = await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicContents.readAll(String.join(",", this.kafka.getBootstrapServers()), ROWS_TOPIC)
				.stream()
				.filter((r) -> orderId.equals(r.key()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		JsonNode value = json.readTree(row.value());
		JsonNode contract = json.readTree(Files.readString(ROWS_CONTRACT));
		assertThat(value.get("schema")).isEqualTo(contract.get("schema"));
		assertThat(fieldPaths(value.get("payload"))).isEqualTo(fieldPaths(contract.get("payload")));
		JsonNode payload = value.get("payload");
		assertThat(payload.get("order_id").asString()).isEqualTo(orderId);
		assertThat(payload.get("shop").asString()).isEqualTo("Marios Pizza");
		assertThat(payload.get("pizzas").asInt()).isEqualTo(2);
		assertThat(payload.get("pizza_names").asString()).isEqualTo("Margherita, Diavola");
		assertThat(payload.get("extra_toppings").asInt()).isEqualTo(1);
		assertThat(Instant.ofEpochMilli(payload.get("placed_at").asLong()))
			.isEqualTo(Instant.parse(placed.get("placedAt").asString()).truncatedTo(ChronoUnit.MILLIS));
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheSameOrderAndPublishesNothingNew() throws Exception {
		String shop = "Ill Make You a Pizza You Cant Refuse";
		String key = UUID.randomUUID().toString();
		MvcTestResult first = placeOrder(shop, key);
		MvcTestResult retry = placeOrder(shop, key);
		assertThat(first).hasStatus(201).hasHeader("Idempotent-Replayed", "false");
		assertThat(retry).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
		String orderId = body(first).get("orderId").asString();
		assertThat(body(retry).get("orderId").asString()).isEqualTo(orderId);
		// the same order written otherwise (fields in another order, other spaces) is the
		// same request; another order with the key is not
		MvcTestResult reordered = this.mvc.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.content("""
					{ "pizzas": [ {"toppings": ["olives"], "name": "Margherita"}, {"name": "Diavola", "toppings": []} ],
					  "customer": {"address": "Via Roma 1, Milano", "phone": "+39 02 1234567", "name": "Adele"},
					  "shop": "%s" }""".formatted(shop))
			.exchange();
		assertThat(reordered).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
		assertThat(placeOrder("Marios Pizza", key)).hasStatus(422);
		assertThat(readAll().stream().filter((r) -> r.value().contains(orderId))).hasSize(1);
	}

	@Test
	void aKeyOlderThanTheNotesIsHonouredFromTheReadModel() throws Exception {
		String shop = "Circular Pi Pizzeria";
		String key = UUID.randomUUID().toString();
		String orderId = body(placeOrder(shop, key)).get("orderId").asString();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.readModel.view(UUID.fromString(orderId)).isPresent());
		// what an instance knows of a key used before the placements topic's retention:
		// the read model only
		this.placements.find(UUID.fromString(orderId)).ifPresent(this.placements::remove);
		this.notes.forget(Instant.now().plusSeconds(1), Instant.now());
		MvcTestResult retry = placeOrder(shop, key);
		assertThat(retry).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
		assertThat(body(retry).get("orderId").asString()).isEqualTo(orderId);
		assertThat(placeOrder("Marios Pizza", key)).hasStatus(422);
		assertThat(readAll().stream().filter((r) -> r.value().contains(orderId))).hasSize(1);
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
		int requests = 8;
		String key = UUID.randomUUID().toString();
		ExecutorService clients = Executors.newFixedThreadPool(requests);
		try {
			List<Future<MvcTestResult>> answers = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				answers.add(clients.submit(() -> placeOrder("Mammamia Pizza", key)));
			}
			Set<String> orderIds = new HashSet<>();
			for (Future<MvcTestResult> answer : answers) {
				assertThat(answer.get()).hasStatus(201);
				orderIds.add(body(answer.get()).get("orderId").asString());
			}
			assertThat(orderIds).hasSize(1);
			assertThat(readAll().stream().filter((r) -> r.value().contains(orderIds.iterator().next()))).hasSize(1);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void anOrderIdSeenTwiceOnTheTopicIsStoredAndSentAsARowOnce() throws Exception {
		JsonNode placed = body(placeOrder("Luigis Pizza", null));
		String orderId = placed.get("orderId").asString();
		ConsumerRecord<String, String> original = readAll().stream()
			.filter((r) -> r.value().contains(orderId))
			.findFirst()
			.orElseThrow();
		try (Producer<String, String> producer = new KafkaProducer<>(producerConfig())) {
			producer.send(new ProducerRecord<>("pizza-orders", original.key(), original.value())).get();
		}
		// a later order of the same shop, on the same partition: once it is in, the
		// duplicate before it was handled
		String later = body(placeOrder("Luigis Pizza", null)).get("orderId").asString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.readModel.view(UUID.fromString(later))).isPresent();
			assertThat(rowsOf(later)).hasSize(1);
		});
		assertThat(rowsOf(orderId)).hasSize(1);
		MvcTestResult read = this.mvc.get().uri("/orders/" + orderId).exchange();
		assertThat(read).bodyJson().extractingPath("$.offset").isEqualTo(placed.get("offset").asInt());
	}

	@Test
	void anOrderWrittenByAnotherWhoseCustomerBreaksTheRulesIsSkippedWithoutHoldingTheOthers() throws Exception {
		JsonNode placed = body(placeOrder("Marios Pizza", null));
		ConsumerRecord<String, String> original = readAll().stream()
			.filter((r) -> r.value().contains(placed.get("orderId").asString()))
			.findFirst()
			.orElseThrow();
		String stranger = UUID.randomUUID().toString();
		String tooLong = original.value()
			.replace(placed.get("orderId").asString(), stranger)
			.replaceFirst("\"phone\":\"[^\"]*\"", "\"phone\":\"" + "1".repeat(200) + "\"");
		try (Producer<String, String> producer = new KafkaProducer<>(producerConfig())) {
			producer.send(new ProducerRecord<>("pizza-orders", original.key(), tooLong)).get();
		}
		String later = body(placeOrder("Marios Pizza", null)).get("orderId").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.readModel.view(UUID.fromString(later))).isPresent());
		assertThat(this.readModel.view(UUID.fromString(stranger))).isEmpty();
	}

	@Test
	void recordsThatAreNoOrderOrNoStatusAreSkippedWithoutHoldingTheOthers() throws Exception {
		String orderId = body(placeOrder("Marios Pizza", null)).get("orderId").asString();
		String baked = Files.readString(STATUS_CONTRACT).replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId);
		try (Producer<String, String> producer = new KafkaProducer<>(producerConfig())) {
			for (String junk : List.of("not an order", "", "{\"orderId\": 42}")) {
				producer.send(new ProducerRecord<>("pizza-orders", "Marios Pizza", junk)).get();
				producer.send(new ProducerRecord<>("pizza-order-status", orderId, junk)).get();
			}
		}
		publishStatus(orderId, baked);
		String later = body(placeOrder("Marios Pizza", null)).get("orderId").asString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.readModel.view(UUID.fromString(later))).isPresent();
			assertThat(rowsOf(later)).hasSize(1);
			assertThat(this.mvc.get().uri("/orders/" + orderId).exchange()).bodyJson()
				.extractingPath("$.status")
				.isEqualTo("BAKED");
		});
	}

	private List<ConsumerRecord<String, String>> rowsOf(String orderId) {
		return TopicContents.readAll(String.join(",", this.kafka.getBootstrapServers()), ROWS_TOPIC)
			.stream()
			.filter((r) -> orderId.equals(r.key()))
			.toList();
	}

	@Test
	void anOrderIsReadableRightAfterItsAnswerAndFollowsTheKitchen() throws Exception {
		String shop = "Its-a me! Mario Pizza!";
		JsonNode placed = body(placeOrder(shop, null));
		String orderId = placed.get("orderId").asString();
		MvcTestResult read = this.mvc.get().uri("/orders/" + orderId).exchange();
		assertThat(read).hasStatus(200);
		assertThat(read).bodyJson().extractingPath("$.partition").isEqualTo(placed.get("partition").asInt());
		assertThat(read).bodyJson().extractingPath("$.offset").isEqualTo(placed.get("offset").asInt());
		assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("PLACED");
		assertThat(read).bodyJson().extractingPath("$.timeline[0].by").isEqualTo("order-service");
		String baked = Files.readString(STATUS_CONTRACT).replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId);
		publishStatus(orderId, baked);
		publishStatus(orderId, baked);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			MvcTestResult again = this.mvc.get().uri("/orders/" + orderId).exchange();
			assertThat(again).bodyJson().extractingPath("$.status").isEqualTo("BAKED");
			assertThat(again).bodyJson().extractingPath("$.timeline[1].by").isEqualTo("pizza-maker-1");
			assertThat(again).bodyJson().extractingPath("$.timeline.length()").isEqualTo(2);
		});
		// every customer's orders: for staff
		MvcTestResult page = this.mvc.get()
			.uri("/orders?shop={shop}&size=5", shop)
			.header(HttpHeaders.AUTHORIZATION, TestUser.STAFF.basic())
			.exchange();
		assertThat(page).bodyJson().extractingPath("$.content[0].orderId").isEqualTo(orderId);
		// staff reading it are linked to its traces; a customer is not
		MvcTestResult staff = this.mvc.get()
			.uri("/orders/" + orderId)
			.header(HttpHeaders.AUTHORIZATION, TestUser.STAFF.basic())
			.exchange();
		assertThat(staff).hasStatusOk()
			.hasHeader(HttpHeaders.LINK, "<http://localhost:9411/zipkin/?annotationQuery=order.id%3D" + orderId
					+ "&lookback=7d>; rel=\"trace\"");
		assertThat(read).doesNotContainHeader(HttpHeaders.LINK);
	}

	private MvcTestResult placeOrder(String shop, String idempotencyKey) {
		var request = this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"shop":"%s","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},
				 "pizzas":[{"name":"Margherita","toppings":["olives"]},{"name":"Diavola"}]}""".formatted(shop));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request.exchange();
	}

	private void publishStatus(String orderId, String change) throws Exception {
		try (Producer<String, String> producer = new KafkaProducer<>(producerConfig())) {
			producer.send(new ProducerRecord<>("pizza-order-status", orderId, change)).get();
		}
	}

	private Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", this.kafka.getBootstrapServers()),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
	}

	private static JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * The partition Kafka's default partitioner picks for a key: murmur2 of its bytes.
	 */
	private static int expectedPartition(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private List<ConsumerRecord<String, String>> readAll() {
		return TopicContents.readAll(String.join(",", this.kafka.getBootstrapServers()), "pizza-orders");
	}

	/** The kitchen's topic, which the pizza makers declare. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StatusTopic {

		@Bean
		NewTopic statusTopic() {
			return TopicBuilder.name("pizza-order-status").partitions(6).replicas(1).build();
		}

	}

	private static TreeSet<String> fieldPaths(JsonNode node) {
		TreeSet<String> paths = new TreeSet<>();
		collect("", node, paths);
		return paths;
	}

	private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String path = prefix + "/" + field.getKey();
				paths.add(path);
				collect(path, field.getValue(), paths);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(prefix + "[]", element, paths);
			}
		}
	}

}
