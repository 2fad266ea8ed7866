package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a courier's position to a client of the map's stream: a client of
 * {@code /deliveries/positions} on the tracker, the time each position reaches it
 * compared with the time the courier was there ({@code at}). The latest positions the
 * stream replays first are not counted.
 */
final class SseLatency {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI stream;

	private final HttpClient http;

	private final String authorization;

	private final Clock clock = Clock.systemUTC();

	SseLatency(URI tracker, String authorization, HttpClient http) {
		this.stream = tracker.resolve("/deliveries/positions");
		this.authorization = authorization;
		this.http = http;
	}

	/**
	 * Listens for a while.
	 * @param listen how long to listen
	 * @param progress told what was received
	 * @return the positions' latencies
	 */
	Latencies measure(Duration listen, Consumer<String> progress) {
		HttpRequest request = HttpRequest.newBuilder(this.stream)
			.header("Accept", "text/event-stream")
			.header("Authorization", this.authorization)
			.build();
		Instant connected = this.clock.instant();
		List<Long> micros = new ArrayList<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> {
			try (Stream<String> lines = response.join().body()) {
				lines.filter((line) -> line.startsWith("data:")).forEach((line) -> {
					Instant received = this.clock.instant();
					JsonNode position = json.readTree(line.substring(5));
					Instant at = Instant.parse(position.get("at").asString());
					if (!at.isBefore(connected)) {
						synchronized (micros) {
							micros.add(Duration.between(at, received).toNanos() / 1000);
						}
					}
				});
			}
			catch (RuntimeException ex) {
				// the stream was cancelled: listening is over
			}
		}, "sse-latency");
		reader.setDaemon(true);
		reader.start();
		try {
			reader.join(listen.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		response.cancel(true);
		response.thenAccept((answer) -> answer.body().close());
		synchronized (micros) {
			progress.accept("SSE: " + micros.size() + " positions received live");
			return Latencies.ofMicros(List.copyOf(micros));
		}
	}

}
