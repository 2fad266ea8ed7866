package io.pizza.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.pizza.platform.connect.ConnectWorker;
import io.pizza.platform.connect.Connectors;
import io.pizza.platform.kafka.KafkaCluster;
import io.pizza.platform.postgres.Postgres;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.process.Ports;
import io.pizza.platform.process.Processes;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.services.Services;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole local system: starts, stops and inspects its instances. The {@code ./pizza}
 * command and the end-to-end tests both drive it.
 */
public final class Platform {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final PlatformSettings settings;

	private final Processes processes;

	private final KafkaCluster kafka;

	private final Postgres postgres;

	private final Services services;

	private final ConnectWorker connect;

	private final Connectors connectors;

	private final Consumer<String> progress;

	public Platform(PlatformSettings settings, Consumer<String> progress) {
		this.settings = settings;
		this.processes = new Processes(settings);
		this.kafka = new KafkaCluster(settings, this.processes);
		this.postgres = new Postgres(settings, this.processes);
		this.services = new Services(settings, this.processes);
		this.connect = new ConnectWorker(settings, this.processes);
		this.connectors = new Connectors(settings);
		this.progress = progress;
	}

	public PlatformSettings settings() {
		return this.settings;
	}

	public KafkaCluster kafka() {
		return this.kafka;
	}

	/**
	 * Starts whatever does not run yet and returns once every instance is healthy.
	 */
	public void up() {
		checkJava();
		checkMode();
		checkPorts(this.settings.instances());
		this.settings.recordMode();
		List<Instance> brokers = notRunning(this.settings.brokers());
		if (!brokers.isEmpty()) {
			this.progress.accept("Kafka: preparing " + brokers.size() + " KRaft node(s)");
			this.kafka.prepare();
			brokers.forEach(this.kafka::start);
			this.progress.accept("Kafka: started " + brokers + ", waiting for the quorum");
		}
		if (this.processes.running(this.settings.postgres()).isEmpty()) {
			this.progress.accept("PostgreSQL: starting on port " + this.settings.postgresPort());
			this.postgres.start();
			this.progress.accept("PostgreSQL: ready");
		}
		this.kafka.awaitReady(this.settings.startupTimeout());
		this.progress.accept("Kafka: 3 brokers up, controller is node " + this.kafka.controller().orElse(-1));
		List<String> created = this.kafka.createTopics();
		this.progress.accept(created.isEmpty() ? "Kafka: topics in place" : "Kafka: created topics " + created);
		if (this.settings.secure()) {
			try (Admin admin = this.kafka.admin()) {
				Acls.apply(admin);
			}
			this.progress.accept("Kafka: TLS with client certificates on every listener, " + Acls.all().size()
					+ " ACLs in place, the rest denied (certificates in " + this.settings.tls().folder() + ")");
		}
		List<Instance> services = notRunning(this.settings.services());
		if (services.stream().anyMatch(this.services::needsPreparing)) {
			this.progress.accept("Services: new build, making their class data sharing archives (once per build)");
			List<String> failed = this.services.prepare(services);
			this.progress.accept(failed.isEmpty() ? "Services: archives ready"
					: "Services: no archive for " + failed + " (see their -cds.log): they start from their jars");
		}
		services.forEach(this.services::start);
		if (!services.isEmpty()) {
			this.progress.accept("Services: started " + services + ", waiting for them to be healthy");
		}
		Instance worker = this.settings.connect();
		if (this.processes.running(worker).isEmpty()) {
			this.connect.start(worker);
			this.progress.accept("Kafka Connect: started on port " + worker.port());
		}
		List<Instance> all = new ArrayList<>(this.settings.services());
		all.add(worker);
		awaitHealthy(all, this.settings.startupTimeout());
		applyConnectors(worker);
	}

	/**
	 * The Connect worker's connectors, made from the files in the repository.
	 * @return them
	 */
	public Connectors connectors() {
		return this.connectors;
	}

	private void applyConnectors(Instance worker) {
		List<String> created = this.connectors.apply(worker, true);
		this.progress.accept(created.isEmpty() ? "Kafka Connect: connectors in place"
				: "Kafka Connect: created or updated connectors " + created + " from " + Connectors.FOLDER);
	}

	/**
	 * Starts one instance and waits until it is healthy.
	 * @param instance the instance
	 */
	public void start(Instance instance) {
		start(instance, Map.of());
	}

	/**
	 * Starts one instance, a service with some environment of its own on top of the
	 * platform's, and waits until it is healthy.
	 * @param instance the instance
	 * @param extraEnvironment for a service, variables that win over the platform's
	 */
	public void start(Instance instance, Map<String, String> extraEnvironment) {
		if (this.processes.running(instance).isPresent()) {
			this.progress.accept(instance + " already runs");
			return;
		}
		checkJava();
		checkPorts(List.of(instance));
		switch (instance.kind()) {
			case BROKER -> {
				this.kafka.prepare();
				this.kafka.start(instance);
				awaitHealthy(List.of(instance), this.settings.startupTimeout());
			}
			case DATABASE -> {
				this.postgres.start();
				// the warehouse's sink tasks that failed while it was away
				Instance worker = this.settings.connect();
				if (this.processes.running(worker).isPresent()) {
					try {
						this.connectors.restartFailed(worker);
					}
					catch (PlatformException ex) {
						this.progress.accept("Kafka Connect: failed tasks not restarted (" + ex.getMessage()
								+ "); ./pizza connect restarts them");
					}
				}
			}
			case SERVICE -> {
				this.services.start(instance, extraEnvironment);
				awaitHealthy(List.of(instance), this.settings.startupTimeout());
			}
			case CONNECT -> {
				this.connect.start(instance);
				awaitHealthy(List.of(instance), this.settings.startupTimeout());
				applyConnectors(instance);
			}
		}
	}

	/**
	 * Stops one instance: SIGTERM (for PostgreSQL its fast shutdown, SIGINT), or SIGKILL
	 * when {@code hard}. Waits until the process is gone.
	 * @param instance the instance
	 * @param hard whether to kill it without letting it clean up
	 * @return whether it ran
	 */
	public boolean kill(Instance instance, boolean hard) {
		Optional<ProcessHandle> process = this.processes.running(instance);
		if (process.isEmpty()) {
			return false;
		}
		List<ProcessHandle> all = new ArrayList<>();
		all.add(process.get());
		if (hard) {
			process.get().descendants().forEach(all::add);
			all.forEach((handle) -> Processes.signal(handle, "KILL"));
		}
		else if (instance.kind() == Kind.DATABASE) {
			Postgres.stopFast(process.get());
		}
		else {
			Processes.signal(process.get(), "TERM");
		}
		if (!Processes.awaitExit(all, STOP_TIMEOUT)) {
			this.progress.accept(instance + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
			all.forEach((handle) -> Processes.signal(handle, "KILL"));
			Processes.awaitExit(all, Duration.ofSeconds(5));
		}
		return true;
	}

	/**
	 * Stops everything: the services and the Connect worker first, then PostgreSQL, then
	 * the brokers together, so that the KRaft quorum lives while they shut down.
	 */
	public void down() {
		List<Instance> services = new ArrayList<>(this.settings.services());
		services.add(this.settings.connect());
		stopAll(services, false);
		List<Instance> extraMakers = new ArrayList<>();
		for (int n = 3; n < 10; n++) {
			this.settings.instance("pizza-maker-" + n).ifPresent(extraMakers::add);
		}
		stopAll(extraMakers, false);
		stopAll(List.of(this.settings.postgres()), false);
		stopAll(this.settings.brokers(), false);
	}

	private void stopAll(List<Instance> instances, boolean hard) {
		List<Thread> stops = new ArrayList<>();
		for (Instance instance : instances) {
			if (this.processes.running(instance).isPresent()) {
				Thread stop = new Thread(() -> {
					long started = System.nanoTime();
					kill(instance, hard);
					this.progress
						.accept("stopped " + instance + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
				}, "stop-" + instance.name());
				stop.start();
				stops.add(stop);
			}
		}
		for (Thread stop : stops) {
			try {
				stop.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The processes of the instances that run, by instance name.
	 * @return each running instance's process
	 */
	public Map<String, ProcessHandle> running() {
		Map<String, ProcessHandle> running = new LinkedHashMap<>();
		for (Instance instance : this.settings.instances()) {
			this.processes.running(instance).ifPresent((process) -> running.put(instance.name(), process));
		}
		return running;
	}

	/**
	 * Every instance with its pid, health and, for brokers, quorum role.
	 * @return one status per instance
	 */
	public List<InstanceStatus> status() {
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
			case SERVICE -> new InstanceStatus(instance, pid, Services.health(instance), "");
			case CONNECT -> new InstanceStatus(instance, pid, this.connectors.health(instance), "");
			case DATABASE -> new InstanceStatus(instance, pid, Ports.isListening(instance.port()) ? "UP" : "-", "");
			case BROKER -> new InstanceStatus(instance, pid, Ports.isListening(instance.port()) ? "UP" : "-",
					quorum.join()
						.map((id) -> (id == instance.nodeId()) ? "controller (quorum leader)" : "voter")
						.orElse("?"));
		};
	}

	private void awaitHealthy(List<Instance> instances, Duration timeout) {
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

	/**
	 * A running platform changes mode only through {@code down}: its brokers, services
	 * and worker would not understand each other.
	 */
	private void checkMode() {
		boolean running = this.settings.instances().stream().anyMatch((i) -> this.processes.running(i).isPresent());
		String wanted = this.settings.secure() ? PlatformSettings.SECURE : PlatformSettings.PLAINTEXT;
		String recorded = this.settings.recordedMode().orElse(PlatformSettings.PLAINTEXT);
		if (running && !recorded.equals(wanted)) {
			throw new PlatformException("The platform runs in " + recorded + " mode: ./pizza down first to start it in "
					+ wanted + " mode.");
		}
	}

	private List<Instance> notRunning(List<Instance> instances) {
		return instances.stream().filter((instance) -> this.processes.running(instance).isEmpty()).toList();
	}

	private void checkPorts(List<Instance> instances) {
		List<String> taken = new ArrayList<>();
		for (Instance instance : notRunning(instances)) {
			if (!Ports.isFree(instance.port())) {
				taken.add("port " + instance.port() + " (" + instance + ")");
			}
			if (instance.kind() == Kind.BROKER) {
				int controllerPort = this.settings.controllerPorts().get(instance.nodeId() - 1);
				if (!Ports.isFree(controllerPort)) {
					taken.add("port " + controllerPort + " (" + instance + " controller)");
				}
			}
		}
		if (!taken.isEmpty()) {
			throw new PlatformException("Already taken by another process: " + String.join(", ", taken)
					+ ". Stop that process, or choose other ports in " + PlatformSettings.FILE + ".");
		}
	}

	static void checkJava() {
		int feature = Runtime.version().feature();
		if (feature < 17) {
			throw new PlatformException("Java " + feature + " is too old: Java 17 or newer is needed.");
		}
	}

}
