package io.pizza.dashboard.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.pizza.dashboard.config.DashboardProperties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Looks at the cluster every {@code dashboard.refresh} and hands each snapshot to whoever
 * listens (the page's streams).
 */
@Component
public class ClusterWatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClusterWatcher.class);

	private final Admin admin;

	private final ClusterReader reader;

	private final RebalanceTimeline timeline = new RebalanceTimeline();

	private final Clock clock = Clock.systemUTC();

	private final AtomicReference<Snapshot> latest = new AtomicReference<>();

	private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();

	private volatile String lastError;

	ClusterWatcher(KafkaAdmin kafkaAdmin, DashboardProperties properties) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		int timeout = (int) properties.clusterTimeout().toMillis();
		config.put("request.timeout.ms", timeout);
		config.put("default.api.timeout.ms", timeout);
		this.admin = Admin.create(config);
		this.reader = new ClusterReader(this.admin, properties.clusterTimeout());
	}

	@Scheduled(fixedDelayString = "${dashboard.refresh}")
	void look() {
		Instant now = this.clock.instant();
		Snapshot snapshot;
		try {
			Snapshot read = this.reader.read(now);
			snapshot = new Snapshot(read.at(), read.brokers(), read.controller(), read.quorumEpoch(), read.topics(),
					read.groups(), read.shareGroups(), this.timeline.update(read.groups(), now), null);
			if (this.lastError != null) {
				log.info("The cluster answers again");
				this.lastError = null;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			String error = (ex.getCause() != null) ? ex.getCause().toString() : ex.toString();
			if (!error.equals(this.lastError)) {
				log.warn("Could not read the cluster: {}", error);
				this.lastError = error;
			}
			Snapshot before = this.latest.get();
			snapshot = (before != null)
					? new Snapshot(now, before.brokers(), before.controller(), before.quorumEpoch(), before.topics(),
							before.groups(), before.shareGroups(), before.rebalances(), error)
					: new Snapshot(now, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), error);
		}
		Snapshot seen = snapshot;
		this.latest.set(seen);
		this.listeners.forEach((listener) -> listener.accept(seen));
	}

	public Snapshot latest() {
		Snapshot snapshot = this.latest.get();
		return (snapshot != null) ? snapshot : new Snapshot(this.clock.instant(), List.of(), null, null, List.of(),
				List.of(), List.of(), List.of(), "not read yet");
	}

	public void listen(Consumer<Snapshot> listener) {
		this.listeners.add(listener);
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
