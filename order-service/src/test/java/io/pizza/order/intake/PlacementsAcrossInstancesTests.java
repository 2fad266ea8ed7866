package io.pizza.order.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pizza.order.OrderServiceApplication;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TopicContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two order-service instances on one cluster answer for each other: one key sent to both
 * at once, with two different orders, places one order and refuses the other request; an
 * order one instance answered {@code 202} for is found by {@code GET} on the other, and
 * after a restart, as {@code PENDING}, then {@code PLACED} or {@code NOT_PLACED}; and a
 * send the producer gave up on while its record reached the log is {@code PLACED}, and a
 * retry of it sends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "order-service.instance-id=order-service-1", "order-service.answer-deadline=1s", })
@Import({ RealKafka.class, RealPostgres.class, OrderPublishingTests.StatusTopic.class,
		PlacementsAcrossInstancesTests.Gate.class })
class PlacementsAcrossInstancesTests {

	private static final String CONTRACT = "../contracts/pizza-order-placements/placement-changed.json";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	/** Around this instance's sends of orders; the other instance's flow. */
	private static final ProducerGate gate = new ProducerGate("pizza-orders");

	@LocalServerPort
	int port;

	@TestConfiguration(proxyBeanMethods = false)
	static class Gate {

		@Bean
		DefaultKafkaProducerFactoryCustomizer producerGate() {
			return gate.customizer();
		}

	}

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcConnectionDetails database;

	private ConfigurableApplicationContext other;

	@BeforeEach
	void startTheOtherInstance() {
		this.other = start("order-service-2");
	}

	@AfterEach
	void stopTheOtherInstance() {
		gate.release();
		this.other.close();
	}

	@Test
	void oneKeySentToTwoInstancesAtOnceWithTwoOrdersPlacesOne() throws Exception {
		int rounds = 100;
		List<String> placed = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			String key = UUID.randomUUID().toString();
			CompletableFuture<HttpResponse<String>> first = post(this.port, "Marios Pizza", key);
			CompletableFuture<HttpResponse<String>> second = post(otherPort(), "Luigis Pizza", key);
			List<HttpResponse<String>> answers = List.of(first.get(), second.get());
			List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
			assertThat(statuses).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
				.isIn(List.of(201, 422), List.of(202, 422));
			HttpResponse<String> winner = answers.stream()
				.filter((answer) -> answer.statusCode() != 422)
				.findFirst()
				.orElseThrow();
			placed.add(json.readTree(winner.body()).get("orderId").asString());
		}
		List<String> inTheLog = TopicContents.readAll(bootstrapServers(), "pizza-orders")
			.stream()
			.map((record) -> json.readTree(record.value()).get("orderId").asString())
			.filter(placed::contains)
			.toList();
		assertThat(inTheLog).as("each key's order in the log once").hasSize(rounds).doesNotHaveDuplicates();
		// the claims, as the contract has them
		JsonNode claim = TopicContents.readAll(bootstrapServers(), "pizza-order-placements")
			.stream()
			.map((record) -> json.readTree(record.value()))
			.filter((note) -> placed.contains(note.get("orderId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(fieldPaths(claim)).isEqualTo(fieldPaths(json.readTree(Files.readString(Path.of(CONTRACT)))));
	}

	@Test
	void anOrderAnswered202IsFoundByTheOtherInstanceAndAfterARestartUntilItEnds() throws Exception {
		gate.hold();
		String landing = location(post(this.port, "Circular Pi Pizzeria", null).get(), 202);
		await().atMost(Duration.ofSeconds(5)).until(() -> status(otherPort(), landing), "PENDING"::equals);
		gate.release();
		await().atMost(Duration.ofSeconds(20)).until(() -> status(otherPort(), landing), "PLACED"::equals);

		gate.hold();
		String failed = location(post(this.port, "Mammamia Pizza", null).get(), 202);
		await().atMost(Duration.ofSeconds(5)).until(() -> status(otherPort(), failed), "PENDING"::equals);
		gate.giveUp();
		await().atMost(Duration.ofSeconds(20)).until(() -> status(otherPort(), failed), "NOT_PLACED"::equals);

		this.other.close();
		this.other = start("order-service-2");
		assertThat(status(otherPort(), landing)).isEqualTo("PLACED");
		assertThat(status(otherPort(), failed)).isEqualTo("NOT_PLACED");
		assertThat(status(this.port, failed)).isEqualTo("NOT_PLACED");
	}

	@Test
	void aSendWhoseAcknowledgementWasLostIsPlacedAndARetrySendsNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		gate.hold();
		HttpResponse<String> first = post(this.port, "Marios Pizza", key).get();
		String location = location(first, 202);
		String orderId = json.readTree(first.body()).get("orderId").asString();
		gate.loseAcknowledgements();
		// the producer gave up; the order is in the log all the same
		await().atMost(Duration.ofSeconds(20)).until(() -> status(otherPort(), location), "PLACED"::equals);

		HttpResponse<String> retry = post(otherPort(), "Marios Pizza", key).get();
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(json.readTree(retry.body()).get("orderId").asString()).isEqualTo(orderId);
		assertThat(TopicContents.readAll(bootstrapServers(), "pizza-orders")
			.stream()
			.filter((record) -> record.value().contains(orderId))).hasSize(1);
	}

	private ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(OrderServiceApplication.class).run("--server.port=0",
				"--order-service.instance-id=" + instance, "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword());
	}

	private int otherPort() {
		return Integer.parseInt(this.other.getEnvironment().getProperty("local.server.port"));
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

	private static CompletableFuture<HttpResponse<String>> post(int port, String shop, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"shop":"%s","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1"},
					 "pizzas":[{"name":"Margherita","toppings":[]}]}""".formatted(shop)));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		return answer.headers().firstValue("Location").orElseThrow();
	}

	private static Set<String> fieldPaths(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		node.properties().forEach((field) -> {
			paths.add(field.getKey());
			if (field.getValue().isObject()) {
				fieldPaths(field.getValue()).forEach((path) -> paths.add(field.getKey() + "/" + path));
			}
		});
		return paths;
	}

	private static String status(int port, String location) throws Exception {
		HttpResponse<String> answer = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + location)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode order = json.readTree(answer.body());
		return order.get("status").asString();
	}

}
