package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts fake orders to order-service at a steady rate for a while, as an open workload:
 * each order is due on its tick whether or not earlier answers have come, so a slow
 * service shows as latency, not as a lower rate of sending.
 * <p>
 * At most {@link #IN_FLIGHT} requests are out at once, as {@code wrk2} keeps a fixed set
 * of connections: an order due while all are out waits for one, and every order is timed
 * from when it was due, the wait included, so that waiting hides nothing. Without the
 * bound, a slow answer made Java's HTTP client open a connection for each order waiting
 * (more than a thousand at 250 orders/s), and its own pool's bookkeeping of them became
 * the load generator's largest cost, on the cores of the services it measures.
 * <p>
 * One class past 150 lines: the ticks, the bound and the timing share the same counters
 * and queue, and apart they would have to hand each other every order.
 */
final class LoadRun {

	static final int IN_FLIGHT = 256;

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");

	private final URI orders;

	private final HttpClient http;

	private final FakeOrders fakeOrders;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

	private final Queue<Due> due = new ConcurrentLinkedQueue<>();

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
		Queue<CompletableFuture<Placement>> answers = new ConcurrentLinkedQueue<>();
		long total = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
		long periodNanos = Math.max(1, Math.round(1_000_000_000L / rate));
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
		Instant startedAt = this.clock.instant();
		long started = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> {
			if (this.sent.get() < total) {
				// due on its tick, even when this thread runs late
				long tick = this.sent.getAndIncrement() * periodNanos;
				Due order = new Due(startedAt.plusNanos(tick), started + tick, this.fakeOrders.next(),
						new CompletableFuture<>());
				answers.add(order.placement());
				this.due.add(order);
				sendWhatIsDue();
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

	// as many of the orders due as the bound lets out; each answer lets the next one out
	private void sendWhatIsDue() {
		while (this.inFlight.tryAcquire()) {
			Due order = this.due.poll();
			if (order == null) {
				this.inFlight.release();
				return;
			}
			send(order).whenComplete((placement, ex) -> {
				this.inFlight.release();
				order.placement().complete(placement);
				sendWhatIsDue();
			});
		}
	}

	private CompletableFuture<Placement> send(Due order) {
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(order.body()))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, ex) -> {
			long latency = System.nanoTime() - order.dueNanos();
			if (ex != null) {
				this.failed.incrementAndGet();
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				return new Placement(order.dueAt(), 0, latency, null, cause.getClass().getSimpleName());
			}
			Matcher id = ORDER_ID.matcher(response.body());
			(response.statusCode() == 201 ? this.ok : this.failed).incrementAndGet();
			return new Placement(order.dueAt(), response.statusCode(), latency,
					(response.statusCode() == 201 && id.find()) ? id.group(1) : null, null);
		});
	}

	/**
	 * An order on its tick.
	 *
	 * @param dueAt when it was due
	 * @param dueNanos the same, on the clock latencies are measured with
	 * @param body the request's body
	 * @param placement what came of it, once it came
	 */
	private record Due(Instant dueAt, long dueNanos, String body, CompletableFuture<Placement> placement) {
	}

}
