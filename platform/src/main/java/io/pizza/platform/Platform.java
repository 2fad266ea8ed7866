package io.pizza.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.connect.ConnectWorker;
import io.pizza.platform.connect.ConnectorFiles;
import io.pizza.platform.connect.Connectors;
import io.pizza.platform.connect.SteadyTasks;
import io.pizza.platform.kafka.FeatureLevels;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.KafkaCluster;
import io.pizza.platform.kafka.KitchenHandover;
import io.pizza.platform.network.Gateways;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.postgres.Postgres;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.process.Processes;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.services.Services;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.traces.ZipkinServer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole local system: starts, stops and inspects its instances. The {@code ./pizza}
 * command and the end-to-end tests both drive it. One public method per thing they ask;
 * the parts' own work is in their packages, how instances are checked before a start in
 * {@link Preflight}, looked at in {@link Health} and stopped in {@link Stopping}. What
 * stays here, and makes the class longer than most, is the order in which {@code up} and
 * {@code start} bring the parts up, read best in one place.
 */
public final class Platform {

	private final PlatformSettings settings;

	private final Processes processes;

	private final KafkaCluster kafka;

	private final Postgres postgres;

	private final Services services;

	private final ConnectWorker connect;

	private final Connectors connectors;

	private final ZipkinServer zipkin;

	private final Consumer<String> progress;

	private final Health health;

	private final Preflight preflight;

	private final Stopping stopping;

	private final Gateways gateways;

	public Platform(PlatformSettings settings, Consumer<String> progress) {
		this.settings = settings;
		this.processes = new Processes(settings);
		this.kafka = new KafkaCluster(settings, this.processes);
		this.postgres = new Postgres(settings, this.processes);
		this.services = new Services(settings, this.processes);
		this.connect = new ConnectWorker(settings, this.processes);
		this.connectors = new Connectors(settings);
		this.zipkin = new ZipkinServer(settings, this.processes);
		this.progress = progress;
		this.health = new Health(settings, this.processes, this.kafka, this.connectors, progress);
		this.preflight = new Preflight(settings, this.processes);
		this.gateways = new Gateways(settings, this.processes);
		this.stopping = new Stopping(settings, this.processes, this.gateways, progress);
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
		Preflight.checkJava();
		this.preflight.checkMode();
		this.preflight.checkNetwork();
		this.preflight.checkPorts(this.settings.instances());
		switchTracing();
		String kitchen = this.settings.modes().queueKitchen() ? Modes.QUEUE : Modes.GROUP;
		boolean newKitchen = !this.settings.modes().recordedKitchen().orElse(Modes.GROUP).equals(kitchen);
		if (newKitchen) {
			this.settings.services()
				.stream()
				.filter((service) -> service.module().equals(Instance.MAKERS))
				.filter((maker) -> this.processes.running(maker).isPresent())
				.forEach((maker) -> kill(maker, false));
		}
		this.settings.modes().record();
		if (this.settings.modes().ownNetwork()) {
			startNetwork();
		}
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
		try (Admin admin = this.kafka.admin()) {
			List<String> raised = FeatureLevels.raise(admin);
			if (!raised.isEmpty()) {
				this.progress.accept("Kafka: a state from an older Kafka, raised " + raised);
			}
		}
		List<String> created = this.kafka.createTopics();
		this.progress.accept(created.isEmpty() ? "Kafka: topics in place" : "Kafka: created topics " + created);
		if (newKitchen) {
			// recorded once handed over: a handover that failed is tried again at the
			// next up
			try (Admin admin = this.kafka.admin()) {
				boolean toQueue = kitchen.equals(Modes.QUEUE);
				int partitions = toQueue ? KitchenHandover.toQueue(admin) : KitchenHandover.toGroup(admin);
				this.progress.accept("Makers: now the %s %s, taking up where the %s stands (%d partitions)".formatted(
						toQueue ? "share group" : "consumer group",
						toQueue ? Groups.MAKERS_QUEUE : Groups.MAKERS,
						toQueue ? Groups.MAKERS : Groups.MAKERS_QUEUE, partitions));
			}
		}
		this.settings.modes().recordKitchen();
		electPreferredLeaders();
		if (this.settings.modes().secure()) {
			try (Admin admin = this.kafka.admin()) {
				Acls.apply(admin);
			}
			this.progress.accept("Kafka: TLS with client certificates on every listener, " + Acls.all().size()
					+ " ACLs in place, the rest denied (certificates in " + this.settings.secrets().tls().folder() + ")");
		}
		Instance zipkin = this.settings.zipkin();
		if (this.settings.modes().tracing() && this.processes.running(zipkin).isEmpty()) {
			this.zipkin.start(zipkin);
			this.progress
				.accept("Zipkin: started, every order's trace at http://localhost:" + zipkin.port() + "/zipkin/");
		}
		List<Instance> services = notRunning(this.settings.services());
		List<String> notExtracted = this.services.prepare(services);
		if (!notExtracted.isEmpty()) {
			this.progress.accept("Services: could not extract " + notExtracted
					+ " (see their -cds.log): they start from their jars, without a class archive");
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
		if (this.settings.modes().tracing()) {
			all.add(zipkin);
		}
		awaitHealthy(all, this.settings.startupTimeout());
		applyConnectors(worker);
	}

	// services started with tracing on are started again with it off, and the other way
	private void switchTracing() {
		boolean tracing = this.settings.modes().tracing();
		if (this.settings.modes().recordedTracing().orElse(tracing) == tracing) {
			return;
		}
		this.progress.accept("Tracing: now " + (tracing ? Modes.TRACING_ON : Modes.TRACING_OFF)
				+ ", the services started again");
		this.settings.services()
			.stream()
			.filter((service) -> this.processes.running(service).isPresent())
			.forEach((service) -> kill(service, false));
		if (!tracing) {
			kill(this.settings.zipkin(), false);
		}
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
				: "Kafka Connect: created or updated connectors " + created + " from " + ConnectorFiles.FOLDER);
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
		if (this.processes.running(instance).isPresent()
				&& this.health.staysUp(instance, this.settings.startupTimeout())) {
			this.progress.accept(instance + " already runs");
			return;
		}
		Preflight.checkJava();
		this.preflight.checkPorts(List.of(instance));
		if (this.settings.modes().ownNetwork()) {
			NetworkTopology.of(this.settings).ensure(instance);
			this.gateways.start();
		}
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
						SteadyTasks.restartUntilSteady(this.connectors, worker, Duration.ofSeconds(3),
								Duration.ofSeconds(30));
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
			case TRACES -> {
				this.zipkin.start(instance);
				awaitHealthy(List.of(instance), this.settings.startupTimeout());
			}
			case GATEWAY -> throw new PlatformException(instance + " starts with the platform's network (up)");
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
		return this.stopping.kill(instance, hard);
	}

	/**
	 * Stops everything: the services, the Connect worker and Zipkin first, then
	 * PostgreSQL, then the brokers together, so that the KRaft quorum lives while they
	 * shut down.
	 */
	public void down() {
		this.stopping.down();
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
		return this.health.all();
	}

	// the partitions' leaders spread over the nodes again, rather than all on the first
	// one up until Kafka's own rebalance; a cluster that cannot yet is left to it
	private void electPreferredLeaders() {
		try {
			int moved = this.kafka.electPreferredLeaders();
			if (moved > 0) {
				this.progress.accept("Kafka: " + moved + " partitions led by their preferred replicas again");
			}
		}
		catch (PlatformException ex) {
			this.progress.accept("Kafka: leaders left as they are (" + ex.getMessage() + ")");
		}
	}

	// every part in a namespace of its own on a bridge, this machine's loopback reaching
	// them through the gateway
	private void startNetwork() {
		NetworkTopology network = NetworkTopology.of(this.settings);
		network.ensureLan();
		this.settings.instances().forEach(network::ensure);
		this.gateways.start();
		this.progress.accept("Network: " + this.settings.instances().size() + " parts, each in a namespace of its own "
				+ "on " + network.subnet() + ", reached from this machine through the gateway");
	}

	private void awaitHealthy(List<Instance> instances, Duration timeout) {
		this.health.await(instances, timeout);
	}

	private List<Instance> notRunning(List<Instance> instances) {
		return this.preflight.notRunning(instances);
	}

}
