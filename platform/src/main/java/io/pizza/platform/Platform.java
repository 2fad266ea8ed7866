package io.pizza.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.connect.Connectors;
import io.pizza.platform.kafka.KafkaCluster;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;

/**
 * The whole local system: starts, stops and inspects its instances. The {@code ./pizza}
 * command and the end-to-end tests both drive it. One public method per thing they ask;
 * the parts' own work is in their packages, the order in which {@code up} brings them up
 * in {@link Up}, how one is started in {@link Starting}, looked at in {@link Health} and
 * stopped in {@link Stopping}.
 */
public final class Platform {

	private final Parts parts;

	public Platform(PlatformSettings settings, Consumer<String> progress) {
		this.parts = Parts.of(settings, progress);
	}

	public PlatformSettings settings() {
		return this.parts.settings();
	}

	public KafkaCluster kafka() {
		return this.parts.kafka();
	}

	/**
	 * The Connect worker's connectors, made from the files in the repository.
	 * @return them
	 */
	public Connectors connectors() {
		return this.parts.connectors();
	}

	/**
	 * Starts whatever does not run yet and returns once every instance is healthy.
	 */
	public void up() {
		new Up(this.parts).run();
	}

	/**
	 * Starts one instance and waits until it is healthy.
	 */
	public void start(Instance instance) {
		start(instance, Map.of());
	}

	/**
	 * Starts one instance, a service with some environment of its own on top of the
	 * platform's, and waits until it is healthy.
	 * @param extraEnvironment for a service, variables that win over the platform's
	 */
	public void start(Instance instance, Map<String, String> extraEnvironment) {
		new Starting(this.parts).start(instance, extraEnvironment);
	}

	/**
	 * Stops one instance: SIGTERM (for PostgreSQL its fast shutdown, SIGINT), or SIGKILL
	 * when {@code hard}. Waits until the process is gone.
	 * @param hard whether to kill it without letting it clean up
	 * @return whether it ran
	 */
	public boolean kill(Instance instance, boolean hard) {
		return this.parts.stopping().kill(instance, hard);
	}

	/**
	 * Stops everything: the services, the Connect worker and Zipkin first, then
	 * PostgreSQL, then the brokers together, so that the KRaft quorum lives while they
	 * shut down.
	 */
	public void down() {
		this.parts.stopping().down();
	}

	/**
	 * The processes of the instances that run, by instance name.
	 * @return each running instance's process
	 */
	public Map<String, ProcessHandle> running() {
		Map<String, ProcessHandle> running = new LinkedHashMap<>();
		for (Instance instance : settings().instances()) {
			this.parts.processes().running(instance).ifPresent((process) -> running.put(instance.name(), process));
		}
		return running;
	}

	/**
	 * Every instance with its pid, health and, for brokers, quorum role.
	 * @return one status per instance
	 */
	public List<InstanceStatus> status() {
		return this.parts.health().all();
	}

}
