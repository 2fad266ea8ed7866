package io.pizza.order.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.pizza.testing.RealKafka;
import io.pizza.testing.StoppablePostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With PostgreSQL stopped, no request waits on it longer than an answer's deadline: an
 * order without a key is placed and read back from the instance's memory, a keyed order's
 * retry is answered from the instances' notes, and a new key, which only the read model
 * could tell was used long ago, is a {@code 503} in under two seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RealKafka.class, StoppablePostgres.class, OrderPublishingTests.StatusTopic.class })
class DatabaseOutageTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Duration DEADLINE = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Test
	void noRequestWaitsOnAStoppedDatabase() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> keyed = post(key);
		assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(201);
		StoppablePostgres.stop();
		try {
			HttpResponse<String> placed = timed(() -> post(null));
			assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
			HttpResponse<String> read = timed(() -> http.send(
					HttpRequest.newBuilder(uri(placed.headers().firstValue("Location").orElseThrow())).build(),
					HttpResponse.BodyHandlers.ofString()));
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
			assertThat(json.readTree(read.body()).get("status").asString()).isEqualTo("PLACED");

			HttpResponse<String> retry = timed(() -> post(key));
			assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
			assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");

			HttpResponse<String> undecided = timed(() -> post(UUID.randomUUID().toString()));
			assertThat(undecided.statusCode()).as(undecided.body()).isEqualTo(503);
			assertThat(json.readTree(undecided.body()).get("title").asString()).isEqualTo("Database unavailable");
		}
		finally {
			StoppablePostgres.start();
		}
	}

	private static HttpResponse<String> timed(Request request) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> answer = request.send();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within the deadline")
			.isLessThan(DEADLINE);
		return answer;
	}

	private HttpResponse<String> post(String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/orders"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"shop":"Marios Pizza","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1"},
					 "pizzas":[{"name":"Margherita","toppings":[]}]}"""));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send() throws Exception;

	}

}
