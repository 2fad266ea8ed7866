package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.KitchenHandover;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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

	Result measure(FakeOrders orders, int count) throws InterruptedException {
		List<Run> runs = new ArrayList<>();
		List<Kill> kills = new ArrayList<>();
		boolean queued = false;
		try {
			for (String kitchen : List.of(PlatformSettings.GROUP, PlatformSettings.QUEUE)) {
				queued |= kitchen.equals(PlatformSettings.QUEUE);
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
		return new Result(runs, kills);
	}

	// each run bakes its own backlog alone: its group starts at the end of the orders
	private void startAtTheEnd(String kitchen) {
		try (Admin admin = this.platform.kafka().admin()) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Backlog.TOPIC))
				.allTopicNames()
				.get()
				.get(Backlog.TOPIC)
				.partitions()
				.forEach((partition) -> latest.put(new TopicPartition(Backlog.TOPIC, partition.partition()),
						OffsetSpec.latest()));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
			if (kitchen.equals(PlatformSettings.QUEUE)) {
				admin.alterShareGroupOffsets(KitchenHandover.QUEUE, ends).all().get();
			}
			else {
				Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
				ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
				admin.alterConsumerGroupOffsets(KitchenHandover.GROUP, offsets).all().get();
			}
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not move " + kitchen + " to the end: " + ex.getCause().getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private Run run(String kitchen, int makers, FakeOrders orders, int count) throws InterruptedException {
		this.progress.accept("kitchens: %s of %d makers, %d orders".formatted(kitchen, makers, count));
		stopMakersAtTheEnd(kitchen);
		try (BakedOrders baked = new BakedOrders(this.platform.settings().kafkaClient())) {
			List<Backlog.Written> written = Backlog.write(this.platform, orders, count);
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
			Run run = new Run(kitchen, makers, count, (seconds > 0) ? times.size() / seconds : 0,
					outOfShopOrder(written, done), notBaked);
			this.progress.accept("kitchens: " + run);
			return run;
		}
	}

	// kill --hard the first maker once a fifth of the backlog is baked, and see when the
	// orders it held were baked by another and how long each of its partitions went on
	// without a bake
	private Kill kill(String kitchen, FakeOrders orders, int count) throws InterruptedException {
		this.progress.accept("kitchens: %s of 2 makers, kill --hard pizza-maker-1 mid-backlog".formatted(kitchen));
		Map<String, String> environment = environment(kitchen, 2);
		stopMakersAtTheEnd(kitchen);
		try (BakedOrders baked = new BakedOrders(this.platform.settings().kafkaClient())) {
			List<Backlog.Written> written = Backlog.write(this.platform, orders, count);
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
			Kill kill = new Kill(kitchen, held.size(), heldAfter, longestPause(written, done, killed), notBaked);
			this.progress.accept("kitchens: " + kill);
			this.platform.start(maker(1), environment);
			return kill;
		}
	}

	// the orders a maker has in hand: in its ovens (a group) or locked for it (a share
	// group), as GET /kitchen tells
	private Set<String> held(Instance maker) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + maker.port() + "/kitchen"))
			.header("Authorization", this.platform.settings().httpLogins().authorization(HttpLogins.ADMIN))
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

	// orders baked after a later order of their shop had been
	static int outOfShopOrder(List<Backlog.Written> written, Map<String, BakedOrders.Baked> baked) {
		Map<String, List<Backlog.Written>> shops = written.stream()
			.collect(Collectors.groupingBy(Backlog.Written::shop, LinkedHashMap::new, Collectors.toList()));
		int late = 0;
		for (List<Backlog.Written> shop : shops.values()) {
			// walking each shop's orders from its last, an order baked after one placed
			// after it is out of its shop's order
			Instant earliestLater = null;
			for (int n = shop.size() - 1; n >= 0; n--) {
				BakedOrders.Baked order = baked.get(shop.get(n).orderId());
				if (order == null) {
					continue;
				}
				if (earliestLater != null && order.at().isAfter(earliestLater)) {
					late++;
				}
				else {
					earliestLater = order.at();
				}
			}
		}
		return late;
	}

	// the longest any partition with orders left at the kill went without a bake
	static double longestPause(List<Backlog.Written> written, Map<String, BakedOrders.Baked> baked, Instant killed) {
		Map<Integer, List<Instant>> byPartition = written.stream()
			.map((order) -> baked.get(order.orderId()))
			.filter((order) -> order != null && order.at().isAfter(killed))
			.collect(Collectors.groupingBy(BakedOrders.Baked::partition,
					Collectors.mapping(BakedOrders.Baked::at, Collectors.toList())));
		long longest = 0;
		for (List<Instant> times : byPartition.values()) {
			times.sort(Comparator.naturalOrder());
			Instant before = killed;
			for (Instant at : times) {
				longest = Math.max(longest, Duration.between(before, at).toMillis());
				before = at;
			}
		}
		return longest / 1000.0;
	}

	private static Map<String, String> environment(String kitchen, int makers) {
		Map<String, String> environment = new HashMap<>();
		environment.put("PIZZA_MAKER_SERVICE_BAKING_TIME_PER_PIZZA", BAKING_TIME_PER_PIZZA.toMillis() + "ms");
		if (kitchen.equals(PlatformSettings.QUEUE)) {
			environment.put("SPRING_PROFILES_ACTIVE", PlatformSettings.QUEUE);
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

	private void stopMakersAtTheEnd(String kitchen) {
		stopMakers();
		startAtTheEnd(kitchen);
	}

	private void startMakers(Map<String, String> environment) {
		List.of(maker(1), maker(2)).forEach((maker) -> this.platform.start(maker, environment));
	}

	private Instance maker(int n) {
		return this.platform.settings().instance("pizza-maker-" + n).orElseThrow();
	}

	private static Set<String> ids(List<Backlog.Written> written) {
		return written.stream().map(Backlog.Written::orderId).collect(Collectors.toSet());
	}

	/**
	 * Both kitchens measured.
	 *
	 * @param runs each kitchen with each number of makers
	 * @param kills each kitchen after a maker was killed
	 */
	record Result(List<Run> runs, List<Kill> kills) {
	}

	/**
	 * A backlog baked by one kitchen.
	 *
	 * @param kitchen {@code group} or {@code queue}
	 * @param makers how many makers (consumers), on two instances
	 * @param orders the orders of the backlog
	 * @param perSecond orders baked per second, from the first bake to the last
	 * @param outOfShopOrder orders baked after a later order of their shop
	 * @param notBaked orders not baked when the wait ended
	 */
	record Run(String kitchen, int makers, int orders, double perSecond, int outOfShopOrder, long notBaked) {

		@Override
		public String toString() {
			return "%s, %d makers: %.0f orders/s, %d of %d out of their shop's order%s".formatted(this.kitchen,
					this.makers, this.perSecond, this.outOfShopOrder, this.orders,
					(this.notBaked > 0) ? ", " + this.notBaked + " not baked" : "");
		}

	}

	/**
	 * A maker killed with {@code kill --hard} mid-backlog.
	 *
	 * @param kitchen {@code group} or {@code queue}
	 * @param held the orders the maker was baking when killed (its {@code GET /kitchen}
	 * just before: the order each of its makers had in hand, not every one its poll took)
	 * @param heldBakedAfter seconds from the kill until the last of them the other maker
	 * baked was baked, none when it held none
	 * @param longestPause the longest a partition with orders left went without a bake
	 * after the kill, in seconds
	 * @param notBaked orders not baked when the wait ended
	 */
	record Kill(String kitchen, int held, Double heldBakedAfter, double longestPause, long notBaked) {

		@Override
		public String toString() {
			return "%s: the %d orders the killed maker held baked after %s, longest partition pause %.1f s%s".formatted(
					this.kitchen, this.held,
					(this.heldBakedAfter != null) ? "%.1f s".formatted(this.heldBakedAfter) : "-", this.longestPause,
					(this.notBaked > 0) ? ", " + this.notBaked + " not baked" : "");
		}

	}

}
