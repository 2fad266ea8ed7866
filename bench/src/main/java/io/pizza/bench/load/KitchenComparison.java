package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.KitchenHandover;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import org.apache.kafka.clients.admin.Admin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The makers as a consumer group beside the makers as a share group, on the same backlog:
 * with 2, 4 and 8 makers (two instances, one to four consumers each) on the six
 * partitions, how fast they bake it and how many orders are baked after a later order of
 * their shop; then, with two makers, a maker killed with {@code kill --hard} mid-backlog,
 * and how long until the orders it held are baked and until each of its partitions is
 * baked from again. The makers bake in a fixed time per pizza: a group bakes a
 * partition's orders one after the other, an oven per partition whatever its members; a
 * share group bakes one order per maker at a time, whatever the partitions.
 */
final class KitchenComparison {

	static final Duration BAKING_TIME_PER_PIZZA = Duration.ofMillis(10);

	static final List<Integer> MAKERS = List.of(2, 4, 8);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Platform platform;

	private final HttpClient http;

	private final Consumer<String> progress;

	KitchenComparison(Platform platform, HttpClient http, Consumer<String> progress) {
		this.platform = platform;
		this.http = http;
		this.progress = progress;
	}

	KitchenFigures.Result measure(FakeOrders orders, int count) throws InterruptedException {
		List<KitchenFigures.Run> runs = new ArrayList<>();
		List<KitchenFigures.Kill> kills = new ArrayList<>();
		boolean queued = false;
		try {
			for (String kitchen : List.of(Modes.GROUP, Modes.QUEUE)) {
				queued |= kitchen.equals(Modes.QUEUE);
				for (int makers : MAKERS) {
					runs.add(run(kitchen, makers, orders, count));
				}
				kills.add(kill(kitchen, orders, count));
			}
		}
		finally {
			// the makers as the platform runs them take up where the share group stands
			if (queued) {
				stopMakers();
				try (Admin admin = this.platform.kafka().admin()) {
					KitchenHandover.toGroup(admin);
				}
			}
		}
		return new KitchenFigures.Result(runs, kills);
	}

	private KitchenFigures.Run run(String kitchen, int makers, FakeOrders orders, int count)
			throws InterruptedException {
		this.progress.accept("kitchens: %s of %d makers, %d orders".formatted(kitchen, makers, count));
		stopMakersAtTheEnd(kitchen);
		try (BakedOrders baked = new BakedOrders(this.platform.settings().kafkaClient())) {
			List<OrdersWritten.Written> written = OrdersWritten.write(this.platform, orders, count);
			startMakers(environment(kitchen, makers));
			long notBaked = baked.awaitAll(ids(written), BenchSteps.WAIT);
			Map<String, BakedOrders.Baked> done = baked.read();
			List<Instant> times = written.stream()
				.map((order) -> done.get(order.orderId()))
				.filter((order) -> order != null)
				.map(BakedOrders.Baked::at)
				.sorted()
				.toList();
			double seconds = times.isEmpty() ? 0
					: Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
			KitchenFigures.Run run = new KitchenFigures.Run(kitchen, makers, count,
					(seconds > 0) ? times.size() / seconds : 0, KitchenFigures.outOfShopOrder(written, done), notBaked);
			this.progress.accept("kitchens: " + run);
			return run;
		}
	}

	// kill --hard the first maker once a fifth of the backlog is baked, and see when the
	// orders it held were baked by another and how long each of its partitions went on
	// without a bake
	private KitchenFigures.Kill kill(String kitchen, FakeOrders orders, int count) throws InterruptedException {
		this.progress.accept("kitchens: %s of 2 makers, kill --hard pizza-maker-1 mid-backlog".formatted(kitchen));
		Map<String, String> environment = environment(kitchen, 2);
		stopMakersAtTheEnd(kitchen);
		try (BakedOrders baked = new BakedOrders(this.platform.settings().kafkaClient())) {
			List<OrdersWritten.Written> written = OrdersWritten.write(this.platform, orders, count);
			startMakers(environment);
			long deadline = System.nanoTime() + BenchSteps.WAIT.toNanos();
			while (baked.read().size() < count / 5 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			Set<String> held = held(maker(1));
			Instant killed = Instant.now();
			this.platform.kill(maker(1), true);
			long notBaked = baked.awaitAll(ids(written), BenchSteps.WAIT);
			Map<String, BakedOrders.Baked> done = baked.read();
			// those the other baked: the killed maker may have finished some before it
			// died
			Double heldAfter = held.stream()
				.map(done::get)
				.filter((order) -> order != null && !order.by().equals(maker(1).name()))
				.map((order) -> Duration.between(killed, order.at()).toMillis() / 1000.0)
				.max(Double::compare)
				.orElse(null);
			KitchenFigures.Kill kill = new KitchenFigures.Kill(kitchen, held.size(), heldAfter,
					KitchenFigures.longestPause(written, done, killed), notBaked);
			this.progress.accept("kitchens: " + kill);
			this.platform.start(maker(1), environment);
			return kill;
		}
	}

	// the orders a maker has in hand: in its ovens (a group) or locked for it (a share
	// group), as GET /kitchen tells
	private Set<String> held(Instance maker) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + maker.port() + "/kitchen"))
			.header("Authorization", this.platform.settings().secrets().httpLogins().authorization(HttpLogins.ADMIN))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			JsonNode kitchen = json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			Set<String> ids = new HashSet<>();
			kitchen.path("inOvens").forEach((order) -> ids.add(order.path("orderId").asString()));
			kitchen.path("inHand").forEach((order) -> ids.add(order.path("orderId").asString()));
			return ids;
		}
		catch (IOException ex) {
			return Set.of();
		}
	}

	private static Map<String, String> environment(String kitchen, int makers) {
		Map<String, String> environment = new HashMap<>();
		environment.put("PIZZA_MAKER_SERVICE_BAKING_TIME_PER_PIZZA", BAKING_TIME_PER_PIZZA.toMillis() + "ms");
		if (kitchen.equals(Modes.QUEUE)) {
			environment.put("SPRING_PROFILES_ACTIVE", Modes.QUEUE);
			environment.put("PIZZA_MAKER_SERVICE_QUEUE_MAKERS", String.valueOf(makers / 2));
		}
		else {
			// whatever kitchen the platform runs
			environment.put("SPRING_PROFILES_ACTIVE", "default");
			environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", String.valueOf(makers / 2));
		}
		return environment;
	}

	private void stopMakers() {
		List.of(maker(1), maker(2)).forEach((maker) -> this.platform.kill(maker, false));
	}

	// each run bakes its own backlog alone: its group starts at the end of the orders
	private void stopMakersAtTheEnd(String kitchen) {
		stopMakers();
		try (Admin admin = this.platform.kafka().admin()) {
			KitchenHandover.startAtTheEnd(admin, kitchen.equals(Modes.QUEUE));
		}
	}

	private void startMakers(Map<String, String> environment) {
		List.of(maker(1), maker(2)).forEach((maker) -> this.platform.start(maker, environment));
	}

	private Instance maker(int n) {
		return this.platform.settings().instance("pizza-maker-" + n).orElseThrow();
	}

	private static Set<String> ids(List<OrdersWritten.Written> written) {
		return written.stream().map(OrdersWritten.Written::orderId).collect(Collectors.toSet());
	}

}
