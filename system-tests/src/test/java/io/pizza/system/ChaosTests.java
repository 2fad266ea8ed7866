package io.pizza.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pizza.bench.faults.CheckReport;
import io.pizza.bench.faults.OrderHistoryCheck;
import io.pizza.platform.Platform;
import io.pizza.platform.network.Faults;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system under a steady stream of orders while its parts are taken away: a
 * maker, two brokers in turn, billing, the delivery tracker, order-service and PostgreSQL
 * killed hard ({@code SIGKILL}) and started again; the leader of a partition of the
 * orders topic cut from its followers on the platform's own network (where this machine
 * allows it: root, network namespaces); a poison pill; a maker frozen past its session
 * timeout and thawed. The client is the one {@code ./pizza fault --check} runs: one order
 * after the other for each shop, each with an idempotency key of its own, retried with
 * that key on every answer but {@code 201}; its history is then checked: every order
 * acknowledged is on the orders topic once, in its shop's order, baked, billed at the
 * menu's total and delivered exactly once, and followed to its end by order-service's
 * read model; each also in the warehouse; the poison pill in both dead-letter topics.
 */
class ChaosTests {

	private static final boolean OWN_NETWORK = NetworkTopology.whyNot().isEmpty();

	private static Platform platform;

	@BeforeAll
	static void up() {
		platform = SystemUnderTest.platform(false, OWN_NETWORK);
		platform.up();
	}

	@AfterAll
	static void down() {
		if (platform != null) {
			platform.down();
			// and its network with it: every namespace, link and route
			assertThat(NetworkTopology.of(platform.settings()).namespaces()).isEmpty();
		}
	}

	@Test
	void everyAcknowledgedOrderIsBakedBilledAndDeliveredOnceWhatever() throws Exception {
		OrderHistoryCheck orders = new OrderHistoryCheck(platform, Duration.ofSeconds(1),
				(line) -> System.out.println("[chaos] " + line));
		orders.start();
		try {
			orders.awaitAcknowledged(10, Duration.ofSeconds(90));
			kill("pizza-maker-1", true);
			awaitMore(orders, 15);
			kill("kafka-3", true);
			awaitMore(orders, 15);
			kill("billing-service", true);
			String poisonPill = "{\"orderId\": \"not-a-uuid\", \"shop\": \"Marios Pizza\"}";
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().bootstrapServers(),
							ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>("pizza-orders", "Marios Pizza", poisonPill)).get();
			}
			awaitMore(orders, 10);
			// couriers on the road and orders waiting for one: whoever reads their
			// partitions next delivers them
			kill("delivery-tracker-service", true);
			awaitMore(orders, 5);
			startTogether("delivery-tracker-service", "billing-service", "kafka-3", "pizza-maker-1");
			awaitMore(orders, 7);
			// the intake itself: the client's retries with the same key find their order
			kill("order-service", true);
			start("order-service");
			awaitMore(orders, 8);
			if (OWN_NETWORK) {
				isolateALeaderFromItsFollowers(orders);
			}
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
			awaitMore(orders, 15);
			orders.stop(Duration.ofMinutes(2));
			kafka1.join();

			CheckReport report = orders.check();
			System.out.printf("[chaos] %d orders acknowledged, on %s%n%s", report.acknowledged(),
					OWN_NETWORK ? "the platform's own network" : "this machine's loopback", report.table());
			assertThat(report.passed()).as(report.table()).isTrue();
			assertThat(report.answers().keySet()).as("answers other than 201, 202 and 503 (0: none)")
				.isSubsetOf(0, 201, 202, 503);

			// and in the warehouse, through Kafka Connect, each
			Set<String> acknowledged = orders.acknowledgedOrderIds();
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(
						() -> assertThat(warehoused(acknowledged)).containsExactlyInAnyOrderElementsOf(acknowledged));

			// the poison pill in both dead-letter topics, as it was sent
			for (String topic : List.of("pizza-orders.DLT", "pizza-orders.billing.DLT")) {
				await().untilAsserted(
						() -> assertThat(TopicContents.readAll(platform.settings().bootstrapServers(), topic))
							.extracting(ConsumerRecord::value)
							.contains(poisonPill));
			}
		}
		finally {
			orders.stop(Duration.ZERO);
		}
	}

	// the network's fault: the leader of pizza-orders-0 can neither replicate nor reach
	// the controllers, while clients still reach it; a new leader is elected, and nothing
	// the old one acknowledged may be lost
	private static void isolateALeaderFromItsFollowers(OrderHistoryCheck orders) throws Exception {
		Faults faults = new Faults(platform.settings(), new Processes(platform.settings()));
		Instance leader = leaderOfPartitionZero().orElseThrow();
		platform.settings().brokers().stream().filter((broker) -> !broker.equals(leader)).forEach((follower) -> {
			faults.cut(leader, follower);
		});
		System.out.printf("[chaos] %s %s cut from its followers%n", LocalTime.now(), leader);
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> leaderOfPartitionZero().filter((now) -> !now.equals(leader)).isPresent());
			awaitMore(orders, 10);
		}
		finally {
			System.out.printf("[chaos] %s healed: %s%n", LocalTime.now(), faults.heal());
		}
	}

	private static Optional<Instance> leaderOfPartitionZero() throws Exception {
		try (Admin admin = platform.kafka().admin()) {
			TopicPartitionInfo partition = admin.describeTopics(List.of("pizza-orders"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("pizza-orders")
				.partitions()
				.get(0);
			if (partition.leader() == null || partition.leader().isEmpty()) {
				return Optional.empty();
			}
			return platform.settings()
				.brokers()
				.stream()
				.filter((broker) -> broker.nodeId() == partition.leader().id())
				.findFirst();
		}
	}

	private static void awaitMore(OrderHistoryCheck orders, int count) {
		orders.awaitAcknowledged(orders.acknowledged() + count, Duration.ofSeconds(90));
	}

	private static Set<String> warehoused(Set<String> orders) throws Exception {
		Set<String> rows = new HashSet<>();
		try (Connection connection = SystemUnderTest.database(platform, "warehouse");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT order_id FROM pizza_order_rows")) {
			while (result.next()) {
				if (orders.contains(result.getString(1))) {
					rows.add(result.getString(1));
				}
			}
		}
		return rows;
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

}
