package io.pizza.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.pizza.platform.connect.Connectors;
import io.pizza.platform.kafka.KafkaCluster;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.process.Ports;
import io.pizza.platform.process.Processes;
import io.pizza.platform.services.ServiceHealth;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;

/**
 * How each instance is: its process, and whether it answers (a service's health, the
 * Connect worker's REST API, a port listened on), a broker's role in the quorum too.
 */
final class Health {

	private final PlatformSettings settings;

	private final Processes processes;

	private final KafkaCluster kafka;

	private final Connectors connectors;

	private final Consumer<String> progress;

	Health(PlatformSettings settings, Processes processes, KafkaCluster kafka, Connectors connectors,
			Consumer<String> progress) {
		this.settings = settings;
		this.processes = processes;
		this.kafka = kafka;
		this.connectors = connectors;
		this.progress = progress;
	}

	/**
	 * Every instance with its pid, health and, for brokers, quorum role.
	 * @return one status per instance
	 */
	List<InstanceStatus> all() {
		List<Instance> instances = new ArrayList<>(this.settings.instances());
		for (int n = 3; n < 10; n++) {
			this.settings.instance("pizza-maker-" + n)
				.filter((maker) -> this.processes.running(maker).isPresent())
				.ifPresent(instances::add);
		}
		boolean anyBroker = this.settings.brokers().stream().anyMatch((b) -> this.processes.running(b).isPresent());
		// every instance asked at once, the quorum too: the slowest answer, not their sum
		ExecutorService asking = Executors.newFixedThreadPool(instances.size() + 1);
		try {
			CompletableFuture<Optional<Integer>> controller = anyBroker
					? CompletableFuture.supplyAsync(this.kafka::controller, asking)
					: CompletableFuture.completedFuture(Optional.empty());
			List<CompletableFuture<InstanceStatus>> statuses = instances.stream()
				.map((instance) -> CompletableFuture.supplyAsync(() -> status(instance, controller), asking))
				.toList();
			return statuses.stream().map(CompletableFuture::join).toList();
		}
		finally {
			asking.shutdownNow();
		}
	}

	private InstanceStatus status(Instance instance, CompletableFuture<Optional<Integer>> quorum) {
		Optional<ProcessHandle> process = this.processes.running(instance);
		if (process.isEmpty()) {
			return new InstanceStatus(instance, 0, "stopped", "");
		}
		long pid = process.get().pid();
		return switch (instance.kind()) {
			case SERVICE -> new InstanceStatus(instance, pid, ServiceHealth.of(instance), "");
			case CONNECT -> new InstanceStatus(instance, pid, this.connectors.health(instance), "");
			case DATABASE -> new InstanceStatus(instance, pid, listening(instance) ? "UP" : "-", "");
			case GATEWAY -> new InstanceStatus(instance, pid, "UP", "");
			// Zipkin is a Spring Boot application too, with the same health endpoint
			case TRACES -> new InstanceStatus(instance, pid, ServiceHealth.of(instance), "");
			case BROKER -> new InstanceStatus(instance, pid, listening(instance) ? "UP" : "-",
					quorum.join()
						.map((id) -> (id == instance.nodeId()) ? "controller (quorum leader)" : "voter")
						.orElse("?"));
		};
	}

	/**
	 * Waits for an instance found running to show whether it stays: healthy, or gone (a
	 * process being killed, or shutting down, is still there for a moment).
	 * @param timeout how long to wait
	 * @return {@code true} when it is healthy, {@code false} once it is gone
	 * @throws PlatformException when it is neither within the timeout
	 */
	boolean staysUp(Instance instance, Duration timeout) {
		boolean[] up = new boolean[1];
		Polling.until(timeout, Duration.ofMillis(300), () -> {
			InstanceStatus status = status(instance, CompletableFuture.completedFuture(Optional.empty()));
			up[0] = status.running() && status.healthy();
			return up[0] || !status.running();
		}, () -> instance + " runs but is not healthy after " + timeout.toSeconds() + " s: see "
				+ this.settings.logFile(instance));
		return up[0];
	}

	// on the platform's own network, the gateway listens on every port: whether the part
	// answers behind it is what counts
	private boolean listening(Instance instance) {
		return this.settings.modes().ownNetwork() ? Ports.isReachable(instance.port())
				: Ports.isListening(instance.port());
	}

	void await(List<Instance> instances, Duration timeout) {
		List<Instance> waiting = new ArrayList<>(instances);
		Polling.until(timeout, Duration.ofMillis(300), () -> {
			for (Instance instance : List.copyOf(waiting)) {
				InstanceStatus status = status(instance, CompletableFuture.completedFuture(Optional.empty()));
				if (!status.running()) {
					throw new PlatformException(
							instance + " exited while starting: see " + this.settings.logFile(instance));
				}
				if (status.healthy()) {
					waiting.remove(instance);
					this.progress.accept(instance + " is UP on port " + instance.port());
				}
			}
			return waiting.isEmpty();
		}, () -> waiting + " not healthy after " + timeout.toSeconds() + " s: see " + this.settings.logsDir());
	}

}
