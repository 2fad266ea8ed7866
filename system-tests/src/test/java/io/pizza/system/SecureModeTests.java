package io.pizza.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.Platform;
import io.pizza.platform.connect.ConnectorStatus;
import io.pizza.platform.kafka.TopicSpec;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.secure.CertificateAuthority;
import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.settings.Instance;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The system in secure mode, as {@code ./pizza up --secure} runs it: an order flows
 * through brokers that speak only TLS and know every client by its certificate, while a
 * client without a certificate, one with a certificate of another CA, every service
 * writing or reading a topic its ACLs do not give it, and HTTP requests for anything
 * administrative are all turned away.
 */
class SecureModeTests {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private static final String ORDER = """
			{"shop":"Circular Pi Pizzeria","customer":{"name":"Bruno","phone":"+39 06 7654321",\
			"address":"Via Appia 12, Roma"},"pizzas":[{"name":"Diavola","toppings":["onion"]}]}""";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Platform platform;

	private static TlsMaterial tls;

	@BeforeAll
	static void up() {
		platform = SystemUnderTest.platform(true);
		long started = System.nanoTime();
		platform.up();
		System.out.printf("[platform] secure mode up in %d s%n",
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
		tls = platform.settings().secrets().tls();
	}

	@AfterAll
	static void down() {
		if (platform != null) {
			platform.down();
		}
	}

	@Test
	void anOrderIsBakedBilledDeliveredAndSunkOverMutualTls() throws Exception {
		HttpResponse<String> answer = SystemUnderTest.post(port("order-service"), "/orders", ORDER);
		assertThat(answer.statusCode()).isEqualTo(201);
		Matcher id = ORDER_ID.matcher(answer.body());
		assertThat(id.find()).as(answer.body()).isTrue();
		String orderId = id.group(1);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(SystemUnderTest.get(port("order-service"), "/orders/" + orderId))
				.contains("\"status\":\"BAKED\"")
				.contains("\"status\":\"DELIVERED\""));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("billing", "bills", orderId) == 1);
		await().atMost(Duration.ofSeconds(60)).until(() -> count("warehouse", "pizza_order_rows", orderId) == 1);
	}

	@Test
	void aClientWithoutACertificateIsRefused() {
		Map<String, Object> client = client("order-service");
		client.remove("ssl.keystore.type");
		client.remove("ssl.keystore.location");
		try (Admin admin = Admin.create(client)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(SslAuthenticationException.class);
		}
	}

	@Test
	void aClientWithACertificateOfAnotherAuthorityIsRefused(@TempDir Path elsewhere) {
		// the same name as the platform's own admin, vouched for by a CA of its own
		CertificateAuthority.Issued forged = CertificateAuthority.in(elsewhere, "Pizza Kafka CA")
			.issue(TlsMaterial.ADMIN, List.of());
		Map<String, Object> client = client(TlsMaterial.ADMIN);
		client.put("ssl.keystore.location", forged.keyStore().toString());
		try (Admin admin = Admin.create(client)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(SslAuthenticationException.class);
		}
	}

	@Test
	void noServiceMayWriteOrReadTheTopicsItsAclsDoNotGiveIt() throws Exception {
		List<String> topics = Topics.all().stream().map(TopicSpec::name).toList();
		Map<String, Map<TopicPartition, Long>> before = new HashMap<>();
		for (String topic : topics) {
			before.put(topic, endOffsets(topic));
		}
		for (String principal : TlsMaterial.CLIENTS) {
			if (TlsMaterial.ADMINS.contains(principal)) {
				continue;
			}
			Map<String, Object> producing = client(principal);
			producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			producing.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
			// refused by the topic's ACLs, or before that by the cluster's, for a
			// principal allowed to write nowhere (an idempotent producer needs to write
			// somewhere): then the first send fails, and once the producer knows, every
			// later send throws at once
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(producing)) {
				for (String topic : topics) {
					if (!allowed(principal, topic, AclOperation.WRITE)) {
						assertThat(catchThrowable(
								() -> producer.send(new ProducerRecord<>(topic, "Marios Pizza", "{\"forged\":1}"))
									.get(30, TimeUnit.SECONDS)))
							.as(principal + " writing " + topic)
							.isInstanceOfAny(ExecutionException.class, KafkaException.class)
							.hasCauseInstanceOf(AuthorizationException.class);
					}
				}
			}
			Map<String, Object> consuming = client(principal);
			consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consuming)) {
				for (String topic : topics) {
					if (!allowed(principal, topic, AclOperation.READ)) {
						consumer.assign(List.of(new TopicPartition(topic, 0)));
						assertThatExceptionOfType(AuthorizationException.class).as(principal + " reading " + topic)
							.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)));
					}
				}
			}
		}
		for (String topic : topics) {
			assertThat(endOffsets(topic)).as(topic).isEqualTo(before.get(topic));
		}
	}

	// whether the platform's ACLs let a principal do an operation on a topic
	private static boolean allowed(String principal, String topic, AclOperation operation) {
		return Acls.all()
			.stream()
			.anyMatch((acl) -> acl.entry().principal().equals("User:" + principal)
					&& acl.pattern().resourceType() == ResourceType.TOPIC
					&& (acl.entry().operation() == operation || acl.entry().operation() == AclOperation.ALL)
					&& (acl.pattern().patternType() == PatternType.PREFIXED ? topic.startsWith(acl.pattern().name())
							: acl.pattern().name().equals(topic) || acl.pattern().name().equals("*")));
	}

	@Test
	void theDashboardSeesTheWholeClusterAndMayChangeNothing() throws Exception {
		// its quorum (the controller), every topic, every group and its offsets, no super
		// user needed: a read refused would leave them out (one timed out is retried)
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(SystemUnderTest.get(port("dashboard"), "/api/dashboard"))
				.contains("\"controller\":true", "\"name\":\"pizza-orders\"", "\"name\":\"delivery-positions\"",
						"\"id\":\"pizza-makers\"", "\"id\":\"billing\"", "\"committed\":")
				.doesNotContain("AuthorizationException"));
		try (Admin dashboard = Admin.create(client("dashboard"))) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> dashboard.deleteTopics(List.of("pizza-orders")).all().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(TopicAuthorizationException.class);
			assertThat(dashboard.listTopics().names().get(30, TimeUnit.SECONDS)).contains("pizza-orders");
		}
	}

	@Test
	void nothingAdministrativeAnswersOverHttpWithoutCredentials() throws Exception {
		for (Instance service : platform.settings().services()) {
			assertThat(status(service.port(), "/actuator/health", null)).as(service.name()).isEqualTo(200);
			assertThat(status(service.port(), "/actuator/prometheus", null)).as(service.name()).isEqualTo(401);
			assertThat(status(service.port(), "/actuator/prometheus", SystemUnderTest.admin())).as(service.name())
				.isEqualTo(200);
			for (String endpoint : List.of("/actuator/env", "/actuator/configprops", "/actuator/loggers",
					"/actuator/heapdump", "/actuator/info")) {
				assertThat(status(service.port(), endpoint, null)).as(service.name() + endpoint).isEqualTo(401);
				assertThat(status(service.port(), endpoint, SystemUnderTest.admin())).as(service.name() + endpoint)
					.isEqualTo(403);
			}
			// what Spring refuses and what Tomcat refuses before Spring sees it: problem
			// details alike, in every service
			assertThat(answer(service.port(), "/nowhere")).as(service.name()).isEqualTo("401 application/problem+json");
			assertThat(answer(service.port(), "/nowhere/%00")).as(service.name())
				.isEqualTo("400 application/problem+json");
		}
		// Kafka Connect's REST API makes and deletes connectors: the platform's admin
		// only
		Instance worker = platform.settings().connect();
		assertThat(status(worker.port(), "/connectors", null)).isEqualTo(401);
		assertThat(platform.connectors().list(worker)).extracting(ConnectorStatus::name)
			.containsExactly("pizza-order-rows-sink");
	}

	private static Map<String, Object> client(String principal) {
		Map<String, Object> client = new HashMap<>();
		client.put("bootstrap.servers", platform.settings().bootstrapServers());
		client.putAll(tls.clientSettings(principal));
		client.put("request.timeout.ms", 5000);
		client.put("default.api.timeout.ms", 20000);
		return client;
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		try (Admin admin = platform.kafka().admin()) {
			int partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < partitions; partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.forEach((partition, offset) -> ends.put(partition, offset.offset()));
			return ends;
		}
	}

	private static int count(String database, String table, String orderId) throws Exception {
		try (Connection connection = SystemUnderTest.database(platform, database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM " + table + " WHERE order_id = '" + orderId + "'")) {
			rows.next();
			return rows.getInt(1);
		}
		catch (SQLException ex) {
			// the connector has not made its table yet
			return 0;
		}
	}

	private static int status(int port, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// the status and the media type, without parameters
	private static String answer(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
		return response.statusCode() + " "
				+ response.headers().firstValue("Content-Type").orElse("none").replaceAll(";.*", "");
	}

	private static int port(String name) {
		return platform.settings().instance(name).orElseThrow().port();
	}

}
