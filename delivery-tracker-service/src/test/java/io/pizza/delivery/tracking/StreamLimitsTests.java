package io.pizza.delivery.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile clients, for real over TCP: streams are capped per instance and per client
 * address, with problem details saying which, and anonymous clients cannot take the
 * streams kept for signed-in users; and a client that stops reading is dropped without
 * holding up the positions for anyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-streams",
				"delivery-tracker-service.positions-topic.replicas=1", "delivery-tracker-service.streams.max=3",
				"delivery-tracker-service.streams.reserved=1", "delivery-tracker-service.streams.per-client=2",
				"delivery-tracker-service.streams.queued=50", "delivery-tracker-service.streams.heartbeat=200ms" })
@Import({ RealKafka.class, PizzaTopics.class })
class StreamLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	LiveFeed feed;

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void closeEverything() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feed.streamsOpen() == 0);
	}

	@Test
	void streamsAreCappedPerClientAndPerInstance() throws IOException {
		Socket first = open("127.0.0.1", "/deliveries/positions");
		assertThat(statusLine(first)).contains("200");
		assertThat(statusLine(open("127.0.0.1", "/deliveries/" + UUID.randomUUID() + "/positions"))).contains("200");
		List<String> refused = answer(open("127.0.0.1", "/deliveries/positions"));
		assertThat(refused.get(0)).contains("429");
		assertThat(refused).contains("Retry-After: 5", "Content-Type: application/problem+json");

		assertThat(statusLine(open("127.0.0.2", "/deliveries/positions"))).contains("200");
		List<String> full = answer(open("127.0.0.3", "/deliveries/positions"));
		assertThat(full.get(0)).contains("503");
		assertThat(full).contains("Retry-After: 5", "Content-Type: application/problem+json");

		// a client gone is noticed at the next heartbeat, and its place is free again
		first.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feed.streamsOpen() == 2);
		assertThat(statusLine(open("127.0.0.3", "/deliveries/positions"))).contains("200");
	}

	@Test
	void anonymousClientsCannotCrowdOutTheStaffsMap() {
		assertThat(statusLine(anonymous("127.0.0.4", "/deliveries/" + UUID.randomUUID() + "/positions")))
			.contains("200");
		assertThat(statusLine(anonymous("127.0.0.5", "/deliveries/" + UUID.randomUUID() + "/positions")))
			.contains("200");
		assertThat(statusLine(anonymous("127.0.0.6", "/deliveries/" + UUID.randomUUID() + "/positions")))
			.as("the last stream is kept for signed-in users")
			.contains("503");
		assertThat(statusLine(open("127.0.0.1", "/deliveries/positions"))).contains("200");
	}

	@Test
	void aClientThatStopsReadingIsDroppedAndHoldsUpNobody() {
		Socket stalled = open("127.0.0.1", "/deliveries/positions");
		assertThat(statusLine(stalled)).contains("200");
		UUID followed = UUID.randomUUID();
		try (SseClient reader = SseClient
			.open(URI.create("http://localhost:" + this.port + "/deliveries/" + followed + "/positions"))) {
			assertThat(reader.status()).isEqualTo(200);
			// far more than the stalled client's socket buffers hold: were positions
			// written on the publishing thread, it would block here for good
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
				for (int i = 0; i < 100_000; i++) {
					this.feed.publish(position(UUID.randomUUID(), false));
				}
			});
			this.feed.publish(position(followed, true));
			await().atMost(Duration.ofSeconds(10)).until(reader::ended);
			assertThat(reader.events()).extracting(SseClient.Event::name).containsExactly("delivered");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feed.streamsOpen() == 0);
	}

	private static PositionView position(UUID orderId, boolean delivered) {
		return new PositionView(orderId, "courier-" + orderId.toString().substring(0, 4), "Marios Pizza", 45.46, 9.19,
				Instant.now(), 0, false, delivered, null, null, null);
	}

	// a raw connection from a given loopback address, as staff (every delivery's stream
	// is theirs alone), which never reads past the headers
	private Socket open(String from, String path) {
		return connect(from, path, "Authorization: " + TestUser.STAFF.basic() + "\r\n");
	}

	private Socket anonymous(String from, String path) {
		return connect(from, path, "");
	}

	private Socket connect(String from, String path, String credentials) {
		try {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port, InetAddress.getByName(from), 0);
			this.sockets.add(socket);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n" + credentials
					+ "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String statusLine(Socket socket) {
		return answer(socket).get(0);
	}

	// the status line and headers
	private static List<String> answer(Socket socket) {
		try {
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> lines = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				lines.add(line);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
