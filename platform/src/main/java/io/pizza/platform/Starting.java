package io.pizza.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pizza.platform.connect.SteadyTasks;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * {@code start}: one instance started on its own, as its kind is, unless it runs and
 * stays up, and awaited until it is healthy.
 */
final class Starting {

	private final Parts parts;

	private final PlatformSettings settings;

	Starting(Parts parts) {
		this.parts = parts;
		this.settings = parts.settings();
	}

	void start(Instance instance, Map<String, String> extraEnvironment) {
		if (this.parts.processes().running(instance).isPresent()
				&& this.parts.health().staysUp(instance, this.settings.startupTimeout())) {
			this.parts.progress().accept(instance + " already runs");
			return;
		}
		Preflight.checkJava();
		this.parts.preflight().checkPorts(List.of(instance));
		if (this.settings.modes().ownNetwork()) {
			NetworkTopology.of(this.settings).ensure(instance);
			this.parts.gateways().start();
		}
		switch (instance.kind()) {
			case BROKER -> {
				this.parts.kafka().prepare();
				this.parts.kafka().start(instance);
				this.parts.awaitHealthy(List.of(instance));
			}
			case DATABASE -> {
				this.parts.postgres().start();
				restartFailedSinkTasks();
			}
			case SERVICE -> {
				this.parts.services().start(instance, extraEnvironment);
				this.parts.awaitHealthy(List.of(instance));
			}
			case CONNECT -> {
				this.parts.connect().start(instance);
				this.parts.awaitHealthy(List.of(instance));
				this.parts.applyConnectors(instance);
			}
			case TRACES -> {
				this.parts.zipkin().start(instance);
				this.parts.awaitHealthy(List.of(instance));
			}
			case GATEWAY -> throw new PlatformException(instance + " starts with the platform's network (up)");
		}
	}

	// the warehouse's sink tasks that failed while the database was away
	private void restartFailedSinkTasks() {
		Instance worker = this.settings.connect();
		if (this.parts.processes().running(worker).isPresent()) {
			try {
				SteadyTasks.restartUntilSteady(this.parts.connectors(), worker, Duration.ofSeconds(3),
						Duration.ofSeconds(30));
			}
			catch (PlatformException ex) {
				this.parts.progress()
					.accept("Kafka Connect: failed tasks not restarted (" + ex.getMessage()
							+ "); ./pizza connect restarts them");
			}
		}
	}

}
