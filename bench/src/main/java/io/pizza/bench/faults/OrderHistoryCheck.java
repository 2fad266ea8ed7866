package io.pizza.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.pizza.platform.Platform;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A careful client of a running platform, keeping the history of every order it meant,
 * and the check of that history once the system is quiet: what {@code ./pizza fault
 * --check} and the chaos tests both run faults under.
 */
public final class OrderHistoryCheck {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** How long nothing may move before the system is taken as quiet. */
	private static final Duration STILL = Duration.ofSeconds(90);

	private final Platform platform;

	private final FaultClient client;

	private final Consumer<String> out;

	/**
	 * A client of a platform's order-service.
	 * @param pace how long each shop's client waits between two requests
	 * @param out where progress is told
	 */
	public OrderHistoryCheck(Platform platform, Duration pace, Consumer<String> out) {
		this.platform = platform;
		this.out = out;
		URI orders = URI.create("http://localhost:" + port("order-service"));
		this.client = new FaultClient(orders, menu(orders), "Check " + UUID.randomUUID().toString().substring(0, 8),
				pace);
	}

	/** Starts placing orders, one after the other for each shop. */
	public void start() {
		this.client.start();
	}

	/**
	 * Waits until the client has had some orders acknowledged.
	 * @param count how many in all
	 * @param atMost how long to wait at most
	 */
	public void awaitAcknowledged(int count, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (this.client.acknowledged() < count && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(200));
		}
		if (this.client.acknowledged() < count) {
			throw new PlatformException(this.client.acknowledged() + " orders acknowledged after " + atMost.toSeconds()
					+ " s, not " + count);
		}
	}

	public int acknowledged() {
		return this.client.acknowledged();
	}

	/**
	 * Means no more orders, and waits for those in hand to be acknowledged.
	 * @param atMost how long to wait
	 */
	public void stop(Duration atMost) {
		this.client.stop(atMost);
	}

	/**
	 * Waits for the system to be quiet (every order in the topic baked, billed and
	 * delivered, or nothing moving for a while), then checks the history.
	 * @return what the checker found
	 */
	public CheckReport check() {
		Observing observing = new Observing(this.platform.settings().kafkaClient(),
				URI.create("http://localhost:" + port("order-service")),
				URI.create("http://localhost:" + port("billing-service")),
				this.platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN));
		History history = this.client.history();
		CheckReport report = Checker.check(history, observing.observe(history));
		long still = System.nanoTime();
		while (!report.passed() && System.nanoTime() - still < STILL.toNanos()) {
			pause(Duration.ofSeconds(5));
			CheckReport next = Checker.check(history, observing.observe(history));
			if (waiting(next) < waiting(report)) {
				still = System.nanoTime();
				this.out.accept(waiting(next) + " order(s) not yet baked, billed or delivered");
			}
			report = next;
		}
		return report;
	}

	/**
	 * Keeps the history as a file of JSON lines.
	 * @param file where
	 * @return the file
	 */
	public Path writeHistory(Path file) {
		return this.client.history().write(file);
	}

	private static int waiting(CheckReport report) {
		return report.notBaked().size() + report.notBilled().size() + report.notDelivered().size()
				+ report.readModelBehind().size();
	}

	/**
	 * The ids of the orders the client was told were placed.
	 * @return the order ids of its {@code 201}s
	 */
	public Set<String> acknowledgedOrderIds() {
		return this.client.history()
			.attempts()
			.stream()
			.filter((attempt) -> attempt.status() == 201)
			.map(History.Attempt::orderId)
			.collect(Collectors.toSet());
	}

	private int port(String name) {
		return this.platform.settings().instance(name).orElseThrow().port();
	}

	private static JsonNode menu(URI orders) {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(orders.resolve("/menu")).build(), HttpResponse.BodyHandlers.ofString());
			return json.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new PlatformException("order-service does not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
