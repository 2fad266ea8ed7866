package io.pizza.dashboard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.pizza.dashboard.cluster.ClusterWatcher;
import io.pizza.dashboard.cluster.Snapshot;
import io.pizza.dashboard.config.DashboardProperties;
import io.pizza.dashboard.flow.OrderFlow;
import io.pizza.dashboard.flow.ServiceEndpoints;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Puts each look at the cluster together with the orders' flow and the services' answers,
 * and streams it to every open page.
 */
@Component
class DashboardFeed implements SmartLifecycle {

	private final ClusterWatcher cluster;

	private final OrderFlow flow;

	private final ServiceEndpoints services;

	private final DashboardProperties properties;

	private final Set<SseEmitter> pages = new CopyOnWriteArraySet<>();

	private volatile List<String> menuShops = List.of();

	private volatile @Nullable Map<String, Object> billing;

	private volatile List<ServiceEndpoints.InHand> inFlight = List.of();

	private volatile boolean running;

	DashboardFeed(ClusterWatcher cluster, OrderFlow flow, ServiceEndpoints services, DashboardProperties properties) {
		this.cluster = cluster;
		this.flow = flow;
		this.services = services;
		this.properties = properties;
		cluster.listen(this::publish);
	}

	@Scheduled(fixedDelayString = "PT2S")
	void askServices() {
		this.billing = this.services.billing();
		this.inFlight = this.services.inFlight();
		if (this.menuShops.isEmpty()) {
			this.menuShops = this.services.shops();
		}
	}

	DashboardView view() {
		return view(this.cluster.latest());
	}

	SseEmitter follow() {
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		this.pages.add(emitter);
		Runnable forget = () -> this.pages.remove(emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		send(emitter, view());
		return emitter;
	}

	private void publish(Snapshot snapshot) {
		if (this.pages.isEmpty()) {
			return;
		}
		DashboardView view = view(snapshot);
		this.pages.forEach((page) -> send(page, view));
	}

	private DashboardView view(Snapshot snapshot) {
		int partitions = snapshot.topics()
			.stream()
			.filter((topic) -> topic.name().equals(this.properties.ordersTopic()))
			.findFirst()
			.map((topic) -> topic.partitions().size())
			.orElse(0);
		Map<String, DashboardView.ShopPartition> shops = new LinkedHashMap<>();
		if (partitions > 0) {
			this.menuShops.forEach(
					(shop) -> shops.put(shop, new DashboardView.ShopPartition(shop, partitionOf(shop, partitions), 0)));
		}
		this.flow.shops()
			.forEach((shop) -> shops.put(shop.shop(),
					new DashboardView.ShopPartition(shop.shop(), shop.partition(), shop.orders())));
		return new DashboardView(snapshot, List.copyOf(shops.values()), this.flow.recent(), this.billing, this.inFlight,
				this.properties.deliveryMap().toString(), this.properties.traces().resolve("traces/").toString());
	}

	/**
	 * The partition Kafka's producer puts a key on: murmur2 of the key's bytes, modulo
	 * the partitions, as its default partitioner does for a record with a key.
	 */
	static int partitionOf(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private void send(SseEmitter emitter, DashboardView view) {
		try {
			emitter.send(SseEmitter.event().name("snapshot").data(view, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
			this.pages.remove(emitter);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every page's stream as the dashboard shuts down, before the web server waits
	 * for open requests: the pages reconnect by themselves.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.pages.forEach(SseEmitter::complete);
		this.pages.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
