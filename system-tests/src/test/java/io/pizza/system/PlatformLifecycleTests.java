package io.pizza.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pizza.platform.Platform;
import io.pizza.platform.deadletters.DeadLetter;
import io.pizza.platform.deadletters.DeadLetters;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.services.BillingRebuild;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.traces.OrderTraces;
import io.pizza.platform.traces.Span;
import io.pizza.platform.traces.TraceTree;
import io.pizza.testing.Chromium;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The local platform as a user drives it: {@code up} brings every part up healthy, an
 * order flows through Kafka to the makers and into PostgreSQL, instances can be killed
 * and started again, {@code down} leaves no process behind and the next {@code up} finds
 * the data again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformLifecycleTests {

	private static final Pattern IN_HAND = Pattern.compile(
			"\"where\":\"([a-z-]+-\\d+@\\d+)\",\"orderId\":\"[0-9a-f-]+\",\"delivery\":\\d+,\"since\":\"([^\"]+)\"");

	private static final Pattern BAKED_BY = Pattern.compile("\"status\":\"BAKED\",\"by\":\"([a-z0-9-]+)\"");

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private static final String ORDER = """
			{"shop":"Marios Pizza","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},\
			"pizzas":[{"name":"Margherita","toppings":["olives"]}]}""";

	private static Platform platform;

	private static String firstOrderId;

	@BeforeAll
	static void up() {
		SystemUnderTest.wipeState();
		platform = SystemUnderTest.platform();
		long started = System.nanoTime();
		platform.up();
		System.out.printf("[platform] up in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
	}

	@AfterAll
	static void down() {
		if (platform != null) {
			platform.down();
		}
	}

	@Test
	@Order(1)
	void everyPartIsUpAndOneBrokerIsTheController() {
		List<InstanceStatus> statuses = platform.status();
		assertThat(statuses).extracting((status) -> status.instance().name())
			.containsExactly("kafka-1", "kafka-2", "kafka-3", "postgres", "order-service", "pizza-maker-1",
					"pizza-maker-2", "billing-service", "delivery-tracker-service", "dashboard", "kafka-connect",
					"zipkin");
		assertThat(statuses).allSatisfy((status) -> assertThat(status.health()).isEqualTo("UP"));
		assertThat(statuses).filteredOn((status) -> status.instance().kind() == Kind.BROKER)
			.extracting(InstanceStatus::role)
			.containsOnlyOnce("controller (quorum leader)")
			.containsOnly("controller (quorum leader)", "voter");
	}

	@Test
	@Order(1)
	void postgresCommitsToDiskBeforeItAcknowledges() throws SQLException {
		try (Connection connection = SystemUnderTest.database(platform, "billing");
				Statement statement = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	@Test
	@Order(1)
	void postgresLetsEachServiceIntoItsOwnDatabaseAlone() throws SQLException {
		String url = "jdbc:postgresql://localhost:" + platform.settings().postgresPort() + "/";
		DatabaseLogins logins = platform.settings().secrets().databaseLogins();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url + "postgres", DatabaseLogins.SUPERUSER, ""))
			.withMessageContaining("password");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url + "orders", "order-service", "not-its-password"))
			.withMessageContaining("password authentication failed");
		DatabaseLogins.owners().forEach((database, owner) -> {
			for (String other : DatabaseLogins.owners().keySet()) {
				if (!other.equals(database)) {
					assertThatExceptionOfType(SQLException.class).as(owner + " into " + other)
						.isThrownBy(() -> DriverManager.getConnection(url + other, owner, logins.password(owner)))
						.withMessageContaining("permission denied for database");
				}
			}
		});
		try (Connection connection = SystemUnderTest.database(platform, "billing");
				Statement statement = connection.createStatement();
				ResultSet role = statement.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles"
						+ " WHERE rolname = current_user")) {
			assertThat(role.next()).isTrue();
			assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3))).containsOnly(false);
		}
	}

	@Test
	@Order(2)
	void anOrderIsBakedBilledAndDelivered() throws Exception {
		HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders", ORDER);
		assertThat(answer.statusCode()).isEqualTo(201);
		firstOrderId = orderId(answer.body());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(makerLogs()).contains("order=" + firstOrderId));
		await().atMost(Duration.ofSeconds(30)).until(() -> billed(firstOrderId));
		// then a courier takes it: the tracker's positions, and the timeline's last steps
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					SystemUnderTest.get(port("delivery-tracker-service"), "/deliveries/" + firstOrderId))
				.contains("\"delivered\":true"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SystemUnderTest.get(port("order-service"), "/orders/" + firstOrderId))
				.contains("\"status\":\"DELIVERED\"")
				.contains("\"status\":\"BAKED\"")
				.contains("\"status\":\"OUT_FOR_DELIVERY\""));
	}

	@Test
	@Order(2)
	void anOrdersTraceFollowsItThroughEveryServiceAndEveryKafkaHop() throws Exception {
		OrderTraces traces = new OrderTraces(platform.settings().zipkin());
		String placed = SystemUnderTest.get(port("order-service"), "/orders/" + firstOrderId);
		String where = "pizza-orders-" + field(placed, "partition") + "@" + field(placed, "offset");
		// spans reach Zipkin a moment after they end, each service's in its own time: the
		// last are the delivery's and order-service's reading of its DELIVERED
		Journey journey = await().atMost(Duration.ofSeconds(30))
			.until(() -> traces.find(UUID.fromString(firstOrderId)).map(Journey::new),
					(found) -> found.isPresent()
							&& found.get().all("order-service", "CONSUMER", "pizza-order-status").size() == 4
							&& found.get().all("delivery-tracker-service", "PRODUCER", "pizza-order-status").size() == 2
							&& found.get().spans().stream().anyMatch((span) -> span.name().equals("deliver")))
			.orElseThrow();
		TraceTree.lines(journey.spans()).forEach((line) -> System.out.println("[trace] " + line));
		Span post = journey.one("order-service", "SERVER", null);
		assertThat(post.parentId()).isNull();
		assertThat(post.tags()).containsEntry("order.id", firstOrderId);
		Span sent = journey.one("order-service", "PRODUCER", "pizza-orders");
		journey.childOf(sent, post);
		// each reader of the order's record, a child of its send, says where it read it
		for (String reader : List.of("pizza-maker-service", "billing-service", "delivery-tracker-service",
				"order-service")) {
			Span read = journey.one(reader, "CONSUMER", "pizza-orders");
			journey.childOf(read, sent);
			assertThat(read.record()).as(reader).isEqualTo(where);
		}
		// the kitchen's statuses within the maker's span; the tracker dispatches on BAKED
		Span baking = journey.one("pizza-maker-service", "CONSUMER", "pizza-orders");
		List<Span> statuses = journey.all("pizza-maker-service", "PRODUCER", "pizza-order-status");
		assertThat(statuses).hasSize(2).allSatisfy((status) -> journey.childOf(status, baking));
		Span dispatch = journey.one("delivery-tracker-service", "CONSUMER", "pizza-order-status");
		assertThat(statuses).extracting(Span::id).contains(dispatch.parentId());
		Span delivery = journey.spans()
			.stream()
			.filter((span) -> span.name().equals("deliver"))
			.findFirst()
			.orElseThrow();
		journey.childOf(delivery, dispatch);
		assertThat(journey.all("delivery-tracker-service", "PRODUCER", "pizza-order-status"))
			.allSatisfy((status) -> journey.childOf(status, delivery));
		// every status back in order-service's timeline, each read in the order's trace
		assertThat(journey.all("order-service", "CONSUMER", "pizza-order-status")).hasSize(4)
			.allSatisfy((step) -> assertThat(step.record()).startsWith("pizza-order-status-"));
		// its log lines name the trace
		assertThat(makerLogs()).containsPattern("order=" + firstOrderId + " .* trace=" + post.traceId());
	}

	@Test
	@Order(2)
	void ordersPlacedTogetherHaveATraceEachHoldingNoOtherOrder() throws Exception {
		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders", ORDER);
			assertThat(answer.statusCode()).isEqualTo(201);
			orderIds.add(orderId(answer.body()));
		}
		OrderTraces traces = new OrderTraces(platform.settings().zipkin());
		Set<String> traceIds = new HashSet<>();
		for (String orderId : orderIds) {
			Journey journey = await().atMost(Duration.ofSeconds(60))
				.until(() -> traces.find(UUID.fromString(orderId)).map(Journey::new),
						(found) -> found.isPresent()
								&& found.get().all("billing-service", "CONSUMER", "pizza-orders").size() == 1
								&& found.get().all("pizza-maker-service", "PRODUCER", "pizza-order-status").size() == 2)
				.orElseThrow();
			assertThat(journey.spans()).extracting((span) -> span.tags().get("order.id"))
				.filteredOn(Objects::nonNull)
				.containsOnly(orderId);
			traceIds.add(journey.spans().get(0).traceId());
		}
		assertThat(traceIds).hasSize(orderIds.size());
	}

	@Test
	@Order(3)
	void kafkaConnectSinksEveryOrderIntoATableAndABadRecordIntoItsDeadLetterTopic() throws Exception {
		Instance worker = platform.settings().connect();
		await().atMost(Duration.ofSeconds(60))
			.ignoreException(PlatformException.class)
			.untilAsserted(
					() -> assertThat(platform.connectors().list(worker)).singleElement().satisfies((connector) -> {
						assertThat(connector.name()).isEqualTo("pizza-order-rows-sink");
						assertThat(connector.state()).isEqualTo("RUNNING");
						assertThat(connector.tasks()).isNotEmpty().containsOnly("RUNNING");
					}));
		// the order placed before: the table is made for it, named after the topic
		await().atMost(Duration.ofSeconds(60)).until(() -> row(firstOrderId).isPresent());
		assertThat(row(firstOrderId)).contains("Marios Pizza|1|Margherita|1");
		// a record no converter can read goes to the dead-letter topic, and the sink goes
		// on
		String bootstrap = platform.settings().bootstrapServers();
		try (Producer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>("pizza_order_rows", "not-an-order", "this is no row")).get();
		}
		HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders",
				ORDER.replace("Marios Pizza", "Luigis Pizza"));
		assertThat(answer.statusCode()).isEqualTo(201);
		String laterOrderId = orderId(answer.body());
		await().atMost(Duration.ofSeconds(60)).until(() -> row(laterOrderId).isPresent());
		assertThat(row(laterOrderId)).contains("Luigis Pizza|1|Margherita|1");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(TopicContents.readAll(bootstrap, "pizza_order_rows.connect.DLT")).singleElement()
						.satisfies((dead) -> {
							assertThat(dead.value()).isEqualTo("this is no row");
							assertThat(dead.headers().lastHeader("__connect.errors.exception.class.name")).isNotNull();
						}));
	}

	@Test
	@Order(4)
	void theDashboardShowsAKilledMakersPartitionsTakenOverAndTheMakerBack() throws Exception {
		ChromeDriver browser = Chromium.start(1400, 1600);
		try {
			// the dashboard is for staff and admins: logged in with its form first
			HttpLogins logins = platform.settings().secrets().httpLogins();
			Chromium.logIn(browser, "http://localhost:" + port("dashboard"), HttpLogins.ADMIN,
					logins.password(HttpLogins.ADMIN));
			browser.get("http://localhost:" + port("dashboard") + "/");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(browser.findElements(By.cssSelector(".broker[data-up='true']"))).hasSize(3);
				assertThat(browser.findElements(By.cssSelector(".broker.controller"))).hasSize(1);
				assertThat(makers(browser)).isEqualTo(Map.of("pizza-maker-1", 3, "pizza-maker-2", 3));
			});
			screenshot(browser, "dashboard-two-makers.png");
			// the new protocol's epochs, drawn: each maker reconciled to the group's
			// target assignment, and the group's epoch one more at each member's leaving
			// or joining
			AtomicInteger reconciled = new AtomicInteger();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				int epoch = groupEpoch(browser);
				assertThat(memberEpochs(browser)).containsOnlyKeys("pizza-maker-1", "pizza-maker-2")
					.allSatisfy((instance, memberEpoch) -> assertThat(memberEpoch).isEqualTo(epoch));
				reconciled.set(epoch);
			});
			int settled = reconciled.get();

			Instance maker = platform.settings().instance("pizza-maker-1").orElseThrow();
			assertThat(platform.kill(maker, false)).isTrue();
			assertThat(status("pizza-maker-1").running()).isFalse();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				assertThat(makers(browser)).containsExactly(Map.entry("pizza-maker-2", 6));
				assertThat(rebalances(browser)).anySatisfy((line) -> assertThat(line).contains("pizza-maker-1 left")
					.contains("all 6 partitions owned again"));
			});
			screenshot(browser, "dashboard-one-maker.png");
			int afterLeaving = groupEpoch(browser);
			assertThat(afterLeaving).as("the group epoch after pizza-maker-1 left").isGreaterThan(settled);

			platform.start(maker);
			assertThat(status("pizza-maker-1").health()).isEqualTo("UP");
			// started again, it maps the classes an instance of its module archived when
			// it stopped: the one just stopped, or one of an earlier platform
			assertThat(platform.running().get("pizza-maker-1").info().arguments().orElseThrow())
				.anySatisfy((argument) -> assertThat(argument)
					.startsWith("-XX:SharedArchiveFile=" + SystemUnderTest.STATE.resolve("cds/pizza-maker-service/")));
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				assertThat(makers(browser)).containsOnlyKeys("pizza-maker-1", "pizza-maker-2");
				assertThat(groupEpoch(browser)).as("the group epoch after it joined again").isGreaterThan(afterLeaving);
			});
		}
		finally {
			browser.quit();
		}
	}

	@Test
	@Order(5)
	void theDashboardShowsAShareGroupsOrdersInFlightAndAKilledMakersOrdersBakedByTheOther() throws Exception {
		// the makers as the share group, baking slowly enough to be seen holding orders
		Properties queue = new Properties();
		queue.setProperty("kitchen", "queue");
		for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
			queue.setProperty(maker + ".env.PIZZA_MAKER_SERVICE_BAKING_TIME_PER_PIZZA", "8s");
		}
		SystemUnderTest.platform(queue).up();
		ChromeDriver browser = Chromium.start(1400, 1600);
		try {
			HttpLogins logins = platform.settings().secrets().httpLogins();
			Chromium.logIn(browser, "http://localhost:" + port("dashboard"), HttpLogins.ADMIN,
					logins.password(HttpLogins.ADMIN));
			browser.get("http://localhost:" + port("dashboard") + "/");
			List<String> shops = List.of("Marios Pizza", "Luigis Pizza", "Mammamia Pizza", "Circular Pi Pizzeria");
			for (int n = 0; n < 8; n++) {
				assertThat(SystemUnderTest
					.post(port("order-service"), "/orders", ORDER.replace("Marios Pizza", shops.get(n % shops.size())))
					.statusCode()).isEqualTo(201);
			}
			// both makers in the group, and the orders in their hands on the page
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(shareGroupMembers(browser)).contains("pizza-maker-1", "pizza-maker-2");
				assertThat(inFlight(browser)).isNotEmpty();
			});
			screenshot(browser, "dashboard-share-group.png");
			// a maker that took an order a moment ago, killed while it bakes it (8 s)
			AtomicReference<Map.Entry<String, List<String>>> holding = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (String maker : List.of("pizza-maker-1", "pizza-maker-2")) {
					List<String> justTaken = justTaken(maker);
					if (!justTaken.isEmpty()) {
						holding.set(Map.entry(maker, justTaken));
						return true;
					}
				}
				return false;
			});
			String killed = holding.get().getKey();
			String other = killed.equals("pizza-maker-1") ? "pizza-maker-2" : "pizza-maker-1";
			assertThat(platform.kill(maker(killed), true)).isTrue();
			// the orders it held come back once their lock ends, and the other bakes them
			String bootstrap = "localhost:" + platform.settings().brokers().get(0).port();
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(bakedBy(bootstrap)).containsAllEntriesOf(holding.get()
					.getValue()
					.stream()
					.collect(Collectors.toMap((where) -> where, (where) -> other))));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(shareGroupMembers(browser)).containsOnly(other));
			screenshot(browser, "dashboard-share-group-one-maker.png");
		}
		finally {
			browser.quit();
			// back to the consumer group, taking up where the share group stands
			platform.up();
		}
		assertThat(status("pizza-maker-1").health()).isEqualTo("UP");
		assertThat(status("pizza-maker-2").health()).isEqualTo("UP");
	}

	// the records of the orders a maker took in the last 2 s, as its kitchen tells
	private static List<String> justTaken(String maker) throws Exception {
		HttpResponse<String> kitchen = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(maker) + "/kitchen"))
				.header("Authorization", platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN))
				.build(), HttpResponse.BodyHandlers.ofString());
		List<String> taken = new ArrayList<>();
		Matcher held = IN_HAND.matcher(kitchen.body());
		while (held.find()) {
			if (Instant.parse(held.group(2)).isAfter(Instant.now().minusSeconds(2))) {
				taken.add(held.group(1));
			}
		}
		return taken;
	}

	// the instances of the share group's members on the page, read in one script as the
	// page redraws itself every second
	@SuppressWarnings("unchecked")
	private static List<String> shareGroupMembers(ChromeDriver browser) {
		return (List<String>) browser.executeScript("""
				return [...document.querySelectorAll(".group[data-share-group='pizza-oven-queue'] .member")]
					.map((member) => member.dataset.instance);""");
	}

	// the orders each maker holds on the page, by where their record is
	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> inFlight(ChromeDriver browser) {
		List<List<Object>> held = (List<List<Object>>) browser.executeScript("""
				return [...document.querySelectorAll(".in-flight li[data-where]")]
					.map((order) => [order.textContent.split(' ')[0], order.dataset.where]);""");
		return held.stream()
			.collect(Collectors.groupingBy((order) -> (String) order.get(0),
					Collectors.mapping((order) -> (String) order.get(1), Collectors.toList())));
	}

	// who baked each order, by where its record is (the reports' headers say)
	private static Map<String, String> bakedBy(String bootstrap) {
		Map<String, String> bakedBy = new HashMap<>();
		for (ConsumerRecord<String, String> report : TopicContents.readAll(bootstrap, "pizza-order-status")) {
			Matcher by = BAKED_BY.matcher(report.value());
			if (by.find()) {
				bakedBy.put("pizza-orders-" + header(report, "order-partition") + "@" + header(report, "order-offset"),
						by.group(1));
			}
		}
		return bakedBy;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	// each member of the makers' group on the page, with how many partitions it owns;
	// read in one script, as the page redraws itself every second
	@SuppressWarnings("unchecked")
	private static Map<String, Integer> makers(ChromeDriver browser) {
		List<List<Object>> members = (List<List<Object>>) browser.executeScript("""
				return [...document.querySelectorAll(".group[data-group='pizza-makers'] .member")]
					.map((member) => [member.dataset.instance, Number(member.dataset.partitions)]);""");
		return members.stream()
			.collect(Collectors.toMap((member) -> (String) member.get(0),
					(member) -> ((Number) member.get(1)).intValue(), Integer::sum));
	}

	private static int groupEpoch(ChromeDriver browser) {
		return ((Number) browser.executeScript(
				"""
						return Number(document.querySelector(".group[data-group='pizza-makers'] .epochs").dataset.groupEpoch);"""))
			.intValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> memberEpochs(ChromeDriver browser) {
		List<List<Object>> members = (List<List<Object>>) browser.executeScript("""
				return [...document.querySelectorAll(".group[data-group='pizza-makers'] .member")]
					.map((member) => [member.dataset.instance, Number(member.dataset.epoch)]);""");
		return members.stream()
			.collect(Collectors.toMap((member) -> (String) member.get(0),
					(member) -> ((Number) member.get(1)).intValue(), Math::max));
	}

	@SuppressWarnings("unchecked")
	private static List<String> rebalances(ChromeDriver browser) {
		return (List<String>) browser.executeScript("""
				return [...document.querySelectorAll("#rebalances li[data-group='pizza-makers']")]
					.map((change) => change.textContent);""");
	}

	private static void screenshot(ChromeDriver browser, String name) throws Exception {
		Files.write(SystemUnderTest.STATE.getParent().resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	@Order(6)
	void ordersAreTakenWithABrokerKilledHard() throws Exception {
		Instance broker = platform.settings().instance("kafka-2").orElseThrow();
		assertThat(platform.kill(broker, true)).isTrue();
		assertThat(status("kafka-2").running()).isFalse();
		// until the controller notices the broker is gone (broker.session.timeout.ms),
		// the partitions it led have no leader: the service answers 202 (its producer
		// goes on trying) or 503 with Retry-After (nothing handed over), and a client
		// that retries with the same Idempotency-Key gets its one order in once the
		// leaders have moved
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Set<String> orderIds = new HashSet<>();
		AtomicReference<HttpResponse<String>> accepted = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders", ORDER, key);
			if (answer.statusCode() == 202) {
				orderIds.add(orderId(answer.body()));
				return false;
			}
			if (answer.statusCode() != 201) {
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
				return false;
			}
			orderIds.add(orderId(answer.body()));
			accepted.set(answer);
			return true;
		});
		assertThat(orderIds).as("one order, however often it was sent").hasSize(1);
		String orderId = orderId(accepted.get().body());
		await().atMost(Duration.ofSeconds(60)).until(() -> billed(orderId));
		platform.start(broker);
		assertThat(status("kafka-2").health()).isEqualTo("UP");
	}

	@Test
	@Order(7)
	void deadLettersAreListedWithTheirSourceAndReasonAndAReplayIsHandled() throws Exception {
		DeadLetters deadLetters = new DeadLetters(platform.settings().kafkaClient());
		// an order billing gave up on, as Spring Kafka dead-letters it: billing kept its
		// books in another currency then, since fixed
		String orderId = UUID.randomUUID().toString();
		String order = """
				{"orderId":"%s","shop":"Marios Pizza","customer":{"name":"Dora","phone":"+39 02 7654321",\
				"address":"Via Roma 2, Milano"},"pizzas":[{"name":"Margherita","price":7.50,"toppings":[]}],\
				"currency":"EUR","total":7.50,"placedAt":"%s"}\
				""".formatted(orderId, Instant.now());
		ProducerRecord<String, String> deadLetter = new ProducerRecord<>("pizza-orders.billing.DLT", "Marios Pizza",
				order);
		deadLetter.headers()
			.add("kafka_dlt-original-topic", "pizza-orders".getBytes(StandardCharsets.UTF_8))
			.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(4).array())
			.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array())
			.add("kafka_dlt-exception-fqcn", "java.lang.IllegalArgumentException".getBytes(StandardCharsets.UTF_8))
			.add("kafka_dlt-exception-message",
					"priced in EUR, billing keeps its books in CHF".getBytes(StandardCharsets.UTF_8))
			.add("kafka_dlt-original-consumer-group", "billing".getBytes(StandardCharsets.UTF_8))
			.add("placed-by", "order-service-1".getBytes(StandardCharsets.UTF_8));
		long offset;
		int partition;
		try (Producer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				platform.settings().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			RecordMetadata written = producer.send(deadLetter).get();
			offset = written.offset();
			partition = written.partition();
		}
		assertThat(deadLetters.topics()).contains("pizza-orders.DLT", "pizza-orders.billing.DLT",
				"pizza_order_rows.connect.DLT");
		assertThat(deadLetters.in("pizza-orders.billing.DLT")).anySatisfy((letter) -> {
			assertThat(letter.offset()).isEqualTo(offset);
			assertThat(letter.key()).isEqualTo("Marios Pizza");
			assertThat(letter)
				.extracting(DeadLetter::sourceTopic, DeadLetter::sourcePartition, DeadLetter::sourceOffset)
				.containsExactly("pizza-orders", 4, 41L);
			assertThat(letter.reason())
				.isEqualTo("IllegalArgumentException: priced in EUR, billing keeps its books in CHF");
			assertThat(letter.group()).isEqualTo("billing");
		});
		// Kafka Connect's dead letter of the sink test, as Connect writes its headers
		assertThat(deadLetters.in("pizza_order_rows.connect.DLT")).anySatisfy((letter) -> {
			assertThat(letter.key()).isEqualTo("not-an-order");
			assertThat(letter.sourceTopic()).isEqualTo("pizza_order_rows");
			assertThat(letter.reason()).isNotBlank();
		});

		List<DeadLetter> replayed = deadLetters.replay("pizza-orders.billing.DLT",
				Optional.of(new DeadLetters.Position(partition, offset)));
		assertThat(replayed).singleElement().extracting(DeadLetter::offset).isEqualTo(offset);
		await().atMost(Duration.ofSeconds(60)).until(() -> billed(orderId));
		List<ConsumerRecord<String, String>> sentBackAll = TopicContents
			.readAll(platform.settings().bootstrapServers(), "pizza-orders")
			.stream()
			.filter((record) -> record.value().contains(orderId))
			.toList();
		assertThat(sentBackAll).hasSize(1);
		ConsumerRecord<String, String> sentBack = sentBackAll.get(0);
		assertThat(sentBack.key()).isEqualTo("Marios Pizza");
		assertThat(new String(sentBack.headers().lastHeader("replayed-from").value(), StandardCharsets.UTF_8))
			.endsWith("@" + offset);
		assertThat(new String(sentBack.headers().lastHeader("replayed-for").value(), StandardCharsets.UTF_8))
			.isEqualTo("billing");
		assertThat(sentBack.headers().lastHeader("placed-by")).isNotNull();
		assertThat(sentBack.headers().lastHeader("kafka_dlt-original-topic")).isNull();
		// billed, and not baked: the kitchen handled the order the first time
		String skipped = "pizza-orders-%d@%d shop='Marios Pizza' order=%s replayed, sent back for billing"
			.formatted(sentBack.partition(), sentBack.offset(), orderId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.readString(platform.settings().logFile(maker("pizza-maker-1"))).contains(skipped)
					|| Files.readString(platform.settings().logFile(maker("pizza-maker-2"))).contains(skipped));
	}

	@Test
	@Order(7)
	void theStateAndTheLogsAreTheirOwnersAlone() throws Exception {
		assertThat(mode(platform.settings().stateDir())).isEqualTo("rwx------");
		assertThat(mode(platform.settings().logsDir())).isEqualTo("rwx------");
		try (Stream<Path> logs = Files.list(platform.settings().logsDir())) {
			assertThat(logs).isNotEmpty().allSatisfy((log) -> assertThat(mode(log)).isEqualTo("rw-------"));
		}
		// what the brokers wrote: every customer's name, phone and address
		try (Stream<Path> data = Files.walk(platform.settings().stateDir().resolve("kafka"))) {
			assertThat(data
				.filter((file) -> file.toString().endsWith(".log") && file.toString().contains("pizza-orders-")))
				.isNotEmpty()
				.allSatisfy((segment) -> assertThat(mode(segment)).isEqualTo("rw-------"));
		}
	}

	@Test
	@Order(7)
	void kafkaConnectsRestApiAsksForItsLogin() throws Exception {
		int port = platform.settings().connect().port();
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connectors")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> admin = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connectors"))
				.header("Authorization", platform.settings().secrets().connectRestLogin().authorization())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("pizza-order-rows-sink");
	}

	private static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Instance maker(String name) {
		return platform.settings().instance(name).orElseThrow();
	}

	@Test
	@Order(7)
	void billingRebuiltFromScratchEndsWithTheSameTotals() throws Exception {
		BillingRebuild.Result result = new BillingRebuild(platform, (line) -> System.out.println("[rebuild] " + line))
			.run(Duration.ofMinutes(2));
		assertThat(result.before().bills()).isGreaterThanOrEqualTo(2);
		assertThat(result.same()).as("%s then %s", result.before(), result.after()).isTrue();
		assertThat(SystemUnderTest.get(port("billing-service"), "/bills/" + firstOrderId))
			.contains("\"orderId\":\"" + firstOrderId + "\"");
	}

	@Test
	@Order(8)
	void downLeavesNoProcessAndUpKeepsTheData() throws Exception {
		List<Long> pids = platform.status().stream().map(InstanceStatus::pid).toList();
		platform.down();
		assertThat(pids)
			.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
		assertThat(platform.status()).allSatisfy((status) -> assertThat(status.running()).isFalse());
		platform.up();
		assertThat(billed(firstOrderId)).as("the bill made before down").isTrue();
		try (Admin admin = platform.kafka().admin()) {
			long records = 0;
			for (int partition = 0; partition < 6; partition++) {
				TopicPartition topicPartition = new TopicPartition("pizza-orders", partition);
				records += admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest()))
					.partitionResult(topicPartition)
					.get()
					.offset();
			}
			assertThat(records).as("orders kept in Kafka").isGreaterThanOrEqualTo(2);
			assertThat(admin.describeTopics(List.of("pizza-orders"))
				.allTopicNames()
				.get()
				.get("pizza-orders")
				.partitions()
				.stream()
				.map((partition) -> partition.leader().id())
				.distinct()).as("the nodes started one after the other, each leads partitions again").hasSize(3);
			assertThat(
					admin.describeTopics(List.of("__consumer_offsets", "__transaction_state", "pizza-connect-offsets"))
						.allTopicNames()
						.get())
				.as("internal topics sized for this system, not Kafka's thousands of groups")
				.extractingFromEntries((topic) -> topic.getValue().partitions().size())
				.containsExactlyInAnyOrder(6, 6, 1);
		}
	}

	private static InstanceStatus status(String name) {
		return platform.status().stream().filter((s) -> s.instance().name().equals(name)).findFirst().orElseThrow();
	}

	private static int port(String name) {
		return platform.settings().instance(name).orElseThrow().port();
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}

	private static String orderId(String body) {
		Matcher matcher = ORDER_ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String makerLogs() throws Exception {
		return Files.readString(platform.settings().logsDir().resolve("pizza-maker-1.log"))
				+ Files.readString(platform.settings().logsDir().resolve("pizza-maker-2.log"));
	}

	// the order's row in the warehouse, as shop|pizzas|pizza names|extra toppings
	private static Optional<String> row(String orderId) throws Exception {
		try (Connection connection = SystemUnderTest.database(platform, "warehouse");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT shop, pizzas, pizza_names, extra_toppings "
						+ "FROM pizza_order_rows WHERE order_id = '" + orderId + "'")) {
			return rows.next() ? Optional
				.of(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)))
					: Optional.empty();
		}
		catch (SQLException ex) {
			// the connector has not made the table yet
			return Optional.empty();
		}
	}

	private static boolean billed(String orderId) throws Exception {
		try (Connection connection = SystemUnderTest.database(platform, "billing");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM bills WHERE order_id = '" + orderId + "'")) {
			rows.next();
			return rows.getInt(1) == 1;
		}
	}

}
