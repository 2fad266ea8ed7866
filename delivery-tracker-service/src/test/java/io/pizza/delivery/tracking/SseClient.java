package io.pizza.delivery.tracking;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client as a browser's {@code EventSource} is: it reads a stream's
 * events as they come, each with its name, its data and when it was received.
 */
final class SseClient implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile boolean ended;

	private SseClient(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
		this.response = this.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply((answer) -> {
			Thread reader = new Thread(() -> read(answer.body()), "sse-client");
			reader.setDaemon(true);
			reader.start();
			return answer;
		});
	}

	static SseClient open(URI uri) {
		return new SseClient(uri);
	}

	private void read(Stream<String> lines) {
		String[] name = { "message" };
		StringBuilder data = new StringBuilder();
		try {
			lines.forEach((line) -> {
				if (line.startsWith("event:")) {
					name[0] = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).trim());
				}
				else if (line.isEmpty() && !data.isEmpty()) {
					this.events.add(new Event(name[0], json.readTree(data.toString()), Instant.now()));
					name[0] = "message";
					data.setLength(0);
				}
			});
		}
		catch (UncheckedIOException ex) {
			// closed by this side: the client left
		}
		finally {
			this.ended = true;
		}
	}

	List<Event> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Whether the server ended the stream.
	 * @return whether it is over
	 */
	boolean ended() {
		return this.ended;
	}

	int status() {
		return this.response.join().statusCode();
	}

	@Override
	public void close() {
		this.response.thenAccept((answer) -> answer.body().close());
	}

	/**
	 * An event received.
	 *
	 * @param data its data, as JSON
	 * @param receivedAt when it was received
	 */
	record Event(String name, JsonNode data, Instant receivedAt) {
	}

}
