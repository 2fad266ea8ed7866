package io.pizza.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a client meant and was told, in the order it happened: each order it meant
 * (an intent: one customer, one idempotency key), and each request it sent for it with
 * the answer. Thread-safe; kept as a file of JSON lines.
 */
final class History {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<Intent> intents = new CopyOnWriteArrayList<>();

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	void meant(Intent intent) {
		this.intents.add(intent);
	}

	void sent(Attempt attempt) {
		this.attempts.add(attempt);
	}

	List<Intent> intents() {
		return List.copyOf(this.intents);
	}

	List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	/**
	 * The requests sent for one intent, in order.
	 * @return its attempts
	 */
	List<Attempt> of(Intent intent) {
		return this.attempts.stream().filter((attempt) -> attempt.intent() == intent.number()).toList();
	}

	/**
	 * Writes the history as JSON lines: the intents, then the attempts.
	 * @param file where
	 * @return the file
	 */
	Path write(Path file) {
		List<String> lines = new ArrayList<>();
		this.intents.forEach((intent) -> lines.add(json.writeValueAsString(intent)));
		this.attempts.forEach((attempt) -> lines.add(json.writeValueAsString(attempt)));
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * An order a client meant to place.
	 *
	 * @param number its number, in the order the client meant them
	 * @param customer its customer's name, one per intent
	 * @param key the idempotency key every request for it carried
	 * @param total what it costs by the menu
	 */
	record Intent(int number, String shop, String customer, String key, BigDecimal total) {
	}

	/**
	 * One request for an intent, and its answer.
	 *
	 * @param intent the intent's number
	 * @param sent when the request left
	 * @param answered when its answer came, or the client gave up waiting
	 * @param status the answer's status, 0 for none (no connection, a timeout)
	 * @param orderId the order id the answer named, {@code null} when none did
	 */
	record Attempt(int intent, Instant sent, Instant answered, int status, String orderId) {
	}

}
