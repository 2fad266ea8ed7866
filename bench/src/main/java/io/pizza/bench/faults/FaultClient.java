package io.pizza.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of order-service while faults come and go, as a careful client is: one order
 * after the other for each shop, each with an idempotency key of its own, sent again with
 * the same key on every answer but {@code 201} (and none: a timeout, no connection),
 * until it is acknowledged. Everything it means and is told goes into a {@link History}.
 */
final class FaultClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI orders;

	private final JsonNode menu;

	private final String run;

	private final History history = new History();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicBoolean meaning = new AtomicBoolean(true);

	private final AtomicInteger numbers = new AtomicInteger();

	private final List<Thread> clients = new ArrayList<>();

	private final Duration pace;

	/**
	 * A client of an order-service.
	 * @param orderService where it answers
	 * @param menu its menu, as {@code GET /menu} gives it
	 * @param run what sets this run's customers apart from any earlier run's
	 * @param pace how long each shop's client waits between two requests
	 */
	FaultClient(URI orderService, JsonNode menu, String run, Duration pace) {
		this.orders = orderService.resolve("/orders");
		this.menu = menu;
		this.run = run;
		this.pace = pace;
	}

	/** Starts a client per shop. */
	void start() {
		for (JsonNode shop : this.menu.get("shops")) {
			Thread client = new Thread(() -> place(shop.asString()), "client-" + shop.asString());
			client.setDaemon(true);
			client.start();
			this.clients.add(client);
		}
	}

	/**
	 * Means no more orders, and waits for those in hand to be acknowledged, then
	 * interrupts whatever is still in hand.
	 * @param atMost how long to wait, for all the clients together; zero not at all
	 */
	void stop(Duration atMost) {
		this.meaning.set(false);
		long deadline = System.nanoTime() + atMost.toNanos();
		for (Thread client : this.clients) {
			long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
			if (left > 0) {
				try {
					client.join(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			client.interrupt();
		}
	}

	History history() {
		return this.history;
	}

	int acknowledged() {
		return (int) this.history.attempts().stream().filter((attempt) -> attempt.status() == 201).count();
	}

	private void place(String shop) {
		Random random = new Random(shop.hashCode());
		while (this.meaning.get() && !Thread.currentThread().isInterrupted()) {
			JsonNode pizza = this.menu.get("pizzas").get(random.nextInt(this.menu.get("pizzas").size()));
			int number = this.numbers.incrementAndGet();
			History.Intent intent = new History.Intent(number, shop, this.run + " " + number,
					UUID.randomUUID().toString(), pizza.get("price").decimalValue());
			this.history.meant(intent);
			String body = """
					{"shop": "%s", "customer": {"name": "%s", "phone": "+39 02 0000000", "address": "Via %d, Milano"},
					 "pizzas": [{"name": "%s", "toppings": []}]}""".formatted(shop, intent.customer(),
					random.nextInt(500), pizza.get("name").asString());
			while (!Thread.currentThread().isInterrupted()) {
				if (send(intent, body) == 201) {
					break;
				}
				pause();
			}
			pause();
		}
	}

	// one request, its answer in the history
	private int send(History.Intent intent, String body) {
		Instant sent = Instant.now();
		int status = 0;
		String orderId = null;
		try {
			HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(this.orders)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", intent.key())
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			status = answer.statusCode();
			if (status == 201 || status == 202) {
				orderId = json.readTree(answer.body()).get("orderId").asString();
			}
		}
		catch (IOException ex) {
			// no answer: the client cannot tell what happened, and asks again
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.history.sent(new History.Attempt(intent.number(), sent, Instant.now(), status, orderId));
		return status;
	}

	private void pause() {
		try {
			Thread.sleep(this.pace.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
