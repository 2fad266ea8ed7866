package io.pizza.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.pizza.platform.Platform;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * A load run against the running system: fake orders posted at a steady rate, then how
 * long each took to be answered, baked and billed.
 */
public final class LoadMeasurement {

	/** How long baking and billing may lag behind once sending has stopped. */
	private static final Duration CATCH_UP = Duration.ofSeconds(120);

	/** How long a soak's load runs before its first snapshot, at most. */
	private static final Duration SOAK_STEADY = Duration.ofMinutes(2);

	private final PlatformSettings settings;

	private final Consumer<String> progress;

	public LoadMeasurement(PlatformSettings settings, Consumer<String> progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * Runs the load and reports it.
	 * @param rate orders per second
	 * @param duration how long to send
	 * @param seed the fake orders' seed
	 * @param soak whether to read each process's heap after a full collection and each
	 * group's lag once the load is steady and as it ends
	 * @return the report, also written as JSON under {@code bench/results/}
	 */
	public Result run(double rate, Duration duration, long seed, boolean soak) {
		if (rate <= 0 || duration.isNegative() || duration.isZero()) {
			throw new PlatformException("--rate and --duration must be positive");
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI orderService = URI.create("http://localhost:" + port("order-service"));
		URI billingService = URI.create("http://localhost:" + port("billing-service"));
		FakeOrders orders = new FakeOrders(Menu.of(orderService, http), seed);
		LoadRun run = new LoadRun(orderService, http, orders);
		Soak soaking = new Soak(new Platform(this.settings, (line) -> {
		}));
		// the first snapshot once the load is steady: a fifth of the run, 2 min at most
		long steady = Math.min(SOAK_STEADY.toMillis(), duration.toMillis() / 5);
		Optional<CompletableFuture<Soak.Snapshot>> first = soak ? Optional.of(CompletableFuture
			.supplyAsync(soaking::take, CompletableFuture.delayedExecutor(steady, TimeUnit.MILLISECONDS)))
				: Optional.empty();
		Instant startedAt = Clock.systemUTC().instant();
		try {
			List<Placement> placements = run.run(rate, duration, this.progress);
			Optional<Soak.Report> soaked = first.map((start) -> new Soak.Report(start.join(), soaking.take()));
			Set<String> accepted = placements.stream()
				.filter(Placement::accepted)
				.map(Placement::orderId)
				.collect(Collectors.toSet());
			this.progress.accept("waiting for " + accepted.size() + " orders to be baked and billed");
			Map<String, Instant> baked = EndToEnd.baked(this.settings.kafkaClient(), accepted, startedAt, CATCH_UP);
			Map<String, Instant> billed = EndToEnd.billed(billingService,
					this.settings.secrets().httpLogins().authorization(HttpLogins.ADMIN), http, accepted, CATCH_UP);
			LoadReport report = LoadReport.of(startedAt, rate, duration, seed, run.sending(), placements, baked,
					billed);
			Path results = this.settings.root().resolve("bench").resolve("results");
			soaked.ifPresent((soakReport) -> ReportFiles.write(results, "soak", startedAt, soakReport));
			return new Result(report, report.write(results), soaked);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private int port(String instance) {
		return this.settings.instance(instance).orElseThrow().port();
	}

	/**
	 * A load run's report and where it was written.
	 *
	 * @param file its JSON
	 * @param soak the heaps and lags at the start and at the end, when asked for
	 */
	public record Result(LoadReport report, Path file, Optional<Soak.Report> soak) {

		public String table() {
			return this.report.table() + this.soak.map((soaked) -> System.lineSeparator() + soaked.table()).orElse("");
		}

		/**
		 * Whether every order accepted was baked and billed in time.
		 * @return whether none is missing
		 */
		public boolean complete() {
			return this.report.notBaked() == 0 && this.report.notBilled() == 0;
		}

	}

}
