package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts fake orders to order-service at a steady rate for a while, as an open workload:
 * each order is sent on its tick whether or not earlier answers have come, so a slow
 * service shows as latency, not as a lower rate of sending.
 */
final class LoadRun {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private final URI orders;

	private final HttpClient http;

	private final FakeOrders fakeOrders;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private long sendingNanos;

	LoadRun(URI orderService, HttpClient http, FakeOrders fakeOrders) {
		this.orders = orderService.resolve("/orders");
		this.http = http;
		this.fakeOrders = fakeOrders;
	}

	/**
	 * Sends {@code rate} orders a second for {@code duration}, then waits for the last
	 * answers.
	 * @param rate orders per second
	 * @param duration how long to send
	 * @param progress told once a second how it goes
	 * @return every order sent, with its answer
	 */
	List<Placement> run(double rate, Duration duration, Consumer<String> progress) throws InterruptedException {
		List<CompletableFuture<Placement>> answers = new CopyOnWriteArrayList<>();
		long total = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
		long periodNanos = Math.max(1, Math.round(1_000_000_000L / rate));
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
		long started = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> {
			if (this.sent.get() < total) {
				answers.add(send());
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		long lastSent = 0;
		while (this.sent.get() < total) {
			Thread.sleep(1000);
			long now = this.sent.get();
			progress.accept("sent %d/%d  ok %d  errors %d  %d orders/s".formatted(now, total, this.ok.get(),
					this.failed.get(), now - lastSent));
			lastSent = now;
		}
		ticks.shutdown();
		long sendingNanos = System.nanoTime() - started;
		// the last answers: at most the requests' own timeout
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		progress.accept("sent %d in %.1f s, %d ok, %d errors".formatted(this.sent.get(), sendingNanos / 1e9,
				this.ok.get(), this.failed.get()));
		this.sendingNanos = sendingNanos;
		return answers.stream().map(CompletableFuture::join).toList();
	}

	/**
	 * How long sending took, from the first order to the last.
	 * @return the time spent sending
	 */
	Duration sending() {
		return Duration.ofNanos(this.sendingNanos);
	}

	private CompletableFuture<Placement> send() {
		this.sent.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.fakeOrders.next()))
			.build();
		Instant sentAt = this.clock.instant();
		long start = System.nanoTime();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, ex) -> {
			long latency = System.nanoTime() - start;
			if (ex != null) {
				this.failed.incrementAndGet();
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				return new Placement(sentAt, 0, latency, null, cause.getClass().getSimpleName());
			}
			Matcher id = ORDER_ID.matcher(response.body());
			(response.statusCode() == 201 ? this.ok : this.failed).incrementAndGet();
			return new Placement(sentAt, response.statusCode(), latency,
					(response.statusCode() == 201 && id.find()) ? id.group(1) : null, null);
		});
	}

}
