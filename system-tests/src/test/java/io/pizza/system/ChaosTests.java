package io.pizza.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pizza.platform.Platform;
import io.pizza.platform.settings.Instance;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system under a steady stream of orders while its parts are taken away, each
 * killed hard ({@code SIGKILL}) and started again: a maker, two brokers in turn, billing,
 * the delivery tracker, order-service and PostgreSQL; a poison pill; a maker frozen past
 * its session timeout and thawed. The client sends every order with an
 * {@code Idempotency-Key} and retries any answer but {@code 201} ({@code 202},
 * {@code 503}, none) with the same key until it gets one. Every order it meant is then on
 * the orders topic under one order id, baked exactly once, in its shop's order, billed
 * exactly once with the menu's total, and delivered exactly once; the poison pill lands
 * in both dead-letter topics.
 */
class ChaosTests {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Platform platform;

	@BeforeAll
	static void up() {
		platform = SystemUnderTest.platform();
		platform.up();
	}

	@AfterAll
	static void down() {
		if (platform != null) {
			platform.down();
		}
	}

	@Test
	void everyAcknowledgedOrderIsBakedBilledAndDeliveredOnceWhatever() throws Exception {
		JsonNode menu = json.readTree(SystemUnderTest.get(port("order-service"), "/menu"));
		OrderStream stream = new OrderStream(menu);
		// one order after another, the next 200 ms after the last answer
		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
		sender.scheduleWithFixedDelay(stream::placeOne, 0, 200, TimeUnit.MILLISECONDS);
		try {
			stream.awaitPlaced(10);
			kill("pizza-maker-1", true);
			stream.awaitPlaced(25);
			kill("kafka-3", true);
			stream.awaitPlaced(40);
			kill("billing-service", true);
			String poisonPill = "{\"orderId\": \"not-a-uuid\", \"shop\": \"Marios Pizza\"}";
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().bootstrapServers(),
							ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>("pizza-orders", "Marios Pizza", poisonPill)).get();
			}
			stream.awaitPlaced(50);
			// couriers on the road and orders waiting for one: whoever reads their
			// partitions next delivers them
			kill("delivery-tracker-service", true);
			stream.awaitPlaced(55);
			startTogether("delivery-tracker-service", "billing-service", "kafka-3", "pizza-maker-1");
			stream.awaitPlaced(62);
			// the intake itself: the client's retries with the same key find their order
			kill("order-service", true);
			start("order-service");
			stream.awaitPlaced(70);
			// the database of billing, order-service's read model and the warehouse, and
			// another broker, gone while a maker is frozen mid-stream past its session
			// timeout: the other maker takes its partitions over and bakes what it held;
			// thawed, its late transaction must be fenced, nothing baked twice
			kill("postgres", true);
			signal("pizza-maker-2", "STOP");
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> ownsEveryPartition("pizza-maker-1"));
			kill("kafka-1", true);
			start("postgres");
			signal("pizza-maker-2", "CONT");
			// the broker comes back while the stream goes on and ends
			CompletableFuture<Void> kafka1 = CompletableFuture.runAsync(() -> start("kafka-1"));
			stream.awaitPlaced(85);
			stream.stop();
			stream.awaitIdle();
			kafka1.join();
			sender.shutdown();
			assertThat(sender.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			assertThat(stream.unexpected()).as("answers other than 201, 202 and 503").isEmpty();
			List<Placed> placed = stream.placed();
			System.out.printf("[chaos] %d orders acknowledged; retried: %s%n", placed.size(), stream.retried());
			Map<String, Placed> byId = placed.stream().collect(Collectors.toMap(Placed::orderId, (p) -> p));

			// each order the client meant (one customer name each) is on the topic under
			// one order id, however often it was sent
			Map<String, Set<String>> idsByCustomer = TopicContents
				.readAll(platform.settings().bootstrapServers(), "pizza-orders")
				.stream()
				.map((record) -> json.readTree(record.value()))
				.filter((order) -> order.has("customer")
						&& order.get("customer").get("name").asString().startsWith(OrderStream.CUSTOMER))
				.collect(Collectors.groupingBy((order) -> order.get("customer").get("name").asString(),
						Collectors.mapping((order) -> order.get("orderId").asString(), Collectors.toSet())));
			assertThat(idsByCustomer.keySet())
				.containsExactlyInAnyOrderElementsOf(placed.stream().map(Placed::customer).toList());
			assertThat(idsByCustomer.values()).allSatisfy((ids) -> assertThat(ids).hasSize(1));

			// baked exactly once each, as read_committed consumers see it, in each shop's
			// order
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				Map<String, List<JsonNode>> baked = statuses("BAKED", byId);
				assertThat(baked).as("orders baked").hasSameSizeAs(byId);
				assertThat(baked.values()).allSatisfy((events) -> assertThat(events).hasSize(1));
			});
			Map<String, List<JsonNode>> baked = statuses("BAKED", byId);
			Map<String, List<Placed>> byShop = placed.stream()
				.collect(Collectors.groupingBy(Placed::shop, LinkedHashMap::new, Collectors.toList()));
			byShop.forEach((shop, orders) -> assertThat(orders).as("%s's orders baked in the order placed", shop)
				.isSortedAccordingTo((a, b) -> Instant.parse(baked.get(a.orderId()).get(0).get("at").asString())
					.compareTo(Instant.parse(baked.get(b.orderId()).get(0).get("at").asString()))));

			// billed exactly once each, with the menu's total
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				Map<String, Long> bills = bills(byId);
				assertThat(bills).hasSameSizeAs(byId).allSatisfy((order, count) -> assertThat(count).isOne());
			});
			for (Placed order : placed.subList(0, Math.min(placed.size(), 20))) {
				JsonNode bill = json
					.readTree(SystemUnderTest.get(port("billing-service"), "/bills/" + order.orderId()));
				assertThat(bill.get("total").decimalValue()).isEqualByComparingTo(order.total());
			}

			// delivered exactly once each, also those on the road when the tracker was
			// killed
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				Map<String, List<JsonNode>> delivered = statuses("DELIVERED", byId);
				assertThat(delivered).as("orders delivered").hasSameSizeAs(byId);
				assertThat(delivered.values()).allSatisfy((events) -> assertThat(events).hasSize(1));
			});

			// order-service's read model followed each to the end
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(readModelStatuses(byId)).containsOnly("DELIVERED"));

			// and in the warehouse, through Kafka Connect, each
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(warehoused(byId)).containsExactlyInAnyOrderElementsOf(byId.keySet()));

			// the poison pill in both dead-letter topics, as it was sent
			for (String topic : List.of("pizza-orders.DLT", "pizza-orders.billing.DLT")) {
				await().untilAsserted(
						() -> assertThat(TopicContents.readAll(platform.settings().bootstrapServers(), topic))
							.extracting(ConsumerRecord::value)
							.contains(poisonPill));
			}
		}
		finally {
			stream.stop();
			sender.shutdownNow();
		}
	}

	private static Map<String, List<JsonNode>> statuses(String status, Map<String, Placed> orders) {
		return TopicContents.readAll(platform.settings().bootstrapServers(), "pizza-order-status")
			.stream()
			.filter((record) -> orders.containsKey(record.key()))
			.map((record) -> json.readTree(record.value()))
			.filter((change) -> status.equals(change.get("status").asString()))
			.collect(Collectors.groupingBy((change) -> change.get("orderId").asString()));
	}

	private static Set<String> readModelStatuses(Map<String, Placed> orders) throws Exception {
		Set<String> statuses = new HashSet<>();
		for (String orderId : orders.keySet()) {
			statuses.add(json.readTree(SystemUnderTest.get(port("order-service"), "/orders/" + orderId))
				.path("status")
				.asString("none"));
		}
		return statuses;
	}

	private static Set<String> warehoused(Map<String, Placed> orders) throws Exception {
		Set<String> rows = new HashSet<>();
		try (Connection connection = SystemUnderTest.database(platform, "warehouse");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT order_id FROM pizza_order_rows")) {
			while (result.next()) {
				if (orders.containsKey(result.getString(1))) {
					rows.add(result.getString(1));
				}
			}
		}
		return rows;
	}

	private static Map<String, Long> bills(Map<String, Placed> orders) throws Exception {
		Map<String, Long> bills = new HashMap<>();
		try (Connection connection = SystemUnderTest.database(platform, "billing");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT order_id, count(*) FROM bills GROUP BY order_id")) {
			while (rows.next()) {
				String orderId = rows.getString(1);
				if (orders.containsKey(orderId)) {
					bills.put(orderId, rows.getLong(2));
				}
			}
		}
		return bills;
	}

	private static void kill(String name, boolean hard) {
		Instance instance = platform.settings().instance(name).orElseThrow();
		assertThat(platform.kill(instance, hard)).as(name + " ran").isTrue();
		System.out.printf("[chaos] %s %s %s%n", LocalTime.now(), hard ? "killed (SIGKILL)" : "stopped", name);
	}

	private static void signal(String name, String signal) throws Exception {
		Instance instance = platform.settings().instance(name).orElseThrow();
		long pid = platform.status()
			.stream()
			.filter((status) -> status.instance().equals(instance))
			.findFirst()
			.orElseThrow()
			.pid();
		assertThat(pid).as(name + " runs").isPositive();
		assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
		System.out.printf("[chaos] %s SIG%s sent to %s%n", LocalTime.now(), signal, name);
	}

	private static boolean ownsEveryPartition(String maker) throws Exception {
		try (Admin admin = platform.kafka().admin()) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("pizza-makers"))
				.describedGroups()
				.get("pizza-makers")
				.get();
			return group.members().size() == 1 && group.members()
				.stream()
				.allMatch((member) -> member.clientId().startsWith(maker)
						&& member.assignment().topicPartitions().size() == 6);
		}
	}

	private static void start(String name) {
		platform.start(platform.settings().instance(name).orElseThrow());
		System.out.printf("[chaos] %s started %s%n", LocalTime.now(), name);
	}

	// each started on a thread of its own, the stream going on meanwhile
	private static void startTogether(String... names) {
		CompletableFuture
			.allOf(Stream.of(names)
				.map((name) -> CompletableFuture.runAsync(() -> start(name)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	private static int port(String name) {
		return platform.settings().instance(name).orElseThrow().port();
	}

	/**
	 * An order order-service acknowledged.
	 *
	 * @param orderId its id
	 * @param customer the customer's name, one per order the client meant
	 * @param shop its shop
	 * @param total what it costs by the menu
	 */
	record Placed(String orderId, String customer, String shop, BigDecimal total) {
	}

	/**
	 * A client placing orders one after another across every shop, each with an
	 * idempotency key of its own, retrying an order on its next tick until it is answered
	 * {@code 201} (sooner than {@code Retry-After} asks: it is a test).
	 */
	private static final class OrderStream {

		// one name per order, unique to this run: the platform's state may hold an
		// earlier run's orders
		static final String CUSTOMER = "Chaos " + UUID.randomUUID().toString().substring(0, 8) + " ";

		private final JsonNode menu;

		private final Random random = new Random(11);

		private final List<Placed> placed = new CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<String> unexpected = new CopyOnWriteArrayList<>();

		private final Map<String, Integer> retried = new ConcurrentSkipListMap<>();

		private int next;

		private volatile Order current;

		OrderStream(JsonNode menu) {
			this.menu = menu;
		}

		/**
		 * Sends the order in hand again if it was not acknowledged yet, otherwise a new
		 * one, unless the stream was stopped.
		 */
		void placeOne() {
			Order order = this.current;
			if (order == null) {
				if (!this.running.get()) {
					return;
				}
				order = newOrder();
				this.current = order;
			}
			try {
				HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders", order.body(),
						Map.of("Idempotency-Key", order.key()));
				if (answer.statusCode() == 201) {
					Matcher id = ORDER_ID.matcher(answer.body());
					if (id.find()) {
						this.placed.add(new Placed(id.group(1), order.customer(), order.shop(), order.total()));
					}
					this.current = null;
				}
				else if (answer.statusCode() == 202 || answer.statusCode() == 503) {
					this.retried.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
				}
				else {
					this.unexpected.add(answer.statusCode() + " " + answer.body());
					this.current = null;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				this.retried.merge("no answer", 1, Integer::sum);
			}
		}

		private Order newOrder() {
			String shop = pick(this.menu.get("shops")).asString();
			JsonNode pizza = pick(this.menu.get("pizzas"));
			JsonNode topping = pick(this.menu.get("toppings"));
			String customer = CUSTOMER + (++this.next);
			String body = """
					{"shop": "%s", "customer": {"name": "%s", "phone": "+39 02 0000000", "address": "Via %d, Milano"},
					 "pizzas": [{"name": "%s", "toppings": ["%s"]}]}""".formatted(shop, customer,
					this.random.nextInt(500), pizza.get("name").asString(), topping.get("name").asString());
			return new Order(UUID.randomUUID().toString(), customer, shop, body,
					pizza.get("price").decimalValue().add(topping.get("price").decimalValue()));
		}

		private JsonNode pick(JsonNode items) {
			return items.get(this.random.nextInt(items.size()));
		}

		void awaitPlaced(int count) {
			await().atMost(Duration.ofSeconds(90)).until(() -> this.placed.size() >= count);
		}

		/**
		 * Starts no new order; the one in hand is still sent until it is acknowledged.
		 */
		void stop() {
			this.running.set(false);
		}

		void awaitIdle() {
			await().atMost(Duration.ofMinutes(2)).until(() -> this.current == null);
		}

		List<Placed> placed() {
			return List.copyOf(this.placed);
		}

		Map<String, Integer> retried() {
			return Map.copyOf(this.retried);
		}

		List<String> unexpected() {
			return List.copyOf(this.unexpected);
		}

		/**
		 * An order the client means to place.
		 *
		 * @param key its idempotency key
		 * @param customer its customer, one per order
		 * @param shop its shop
		 * @param body the request
		 * @param total what it costs by the menu
		 */
		private record Order(String key, String customer, String shop, String body, BigDecimal total) {
		}

	}

}
