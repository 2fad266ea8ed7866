package io.pizza.platform;

import java.util.List;
import java.util.function.Consumer;

import io.pizza.platform.connect.ConnectWorker;
import io.pizza.platform.connect.ConnectorFiles;
import io.pizza.platform.connect.Connectors;
import io.pizza.platform.kafka.KafkaCluster;
import io.pizza.platform.network.Gateways;
import io.pizza.platform.postgres.Postgres;
import io.pizza.platform.process.Processes;
import io.pizza.platform.services.Services;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.traces.ZipkinServer;

/**
 * The parts of the platform that {@code up}, {@code start} and the rest drive, made once
 * from the settings, and where they tell what they do.
 *
 * @param settings where everything runs
 * @param processes the instances' processes
 * @param kafka the KRaft nodes
 * @param postgres the database server
 * @param services the Spring Boot services
 * @param connect the Connect worker
 * @param connectors the worker's connectors
 * @param zipkin the Zipkin server
 * @param gateways the own network's way in from this machine
 * @param preflight the checks before a start
 * @param health how the instances are looked at
 * @param stopping how they are stopped
 * @param progress where each step is told
 */
record Parts(PlatformSettings settings, Processes processes, KafkaCluster kafka, Postgres postgres, Services services,
		ConnectWorker connect, Connectors connectors, ZipkinServer zipkin, Gateways gateways, Preflight preflight,
		Health health, Stopping stopping, Consumer<String> progress) {

	static Parts of(PlatformSettings settings, Consumer<String> progress) {
		Processes processes = new Processes(settings);
		KafkaCluster kafka = new KafkaCluster(settings, processes);
		Connectors connectors = new Connectors(settings);
		Gateways gateways = new Gateways(settings, processes);
		return new Parts(settings, processes, kafka, new Postgres(settings, processes),
				new Services(settings, processes), new ConnectWorker(settings, processes), connectors,
				new ZipkinServer(settings, processes), gateways, new Preflight(settings, processes),
				new Health(settings, processes, kafka, connectors, progress),
				new Stopping(settings, processes, gateways, progress), progress);
	}

	void awaitHealthy(List<Instance> instances) {
		this.health.await(instances, this.settings.startupTimeout());
	}

	void applyConnectors(Instance worker) {
		List<String> created = this.connectors.apply(worker, true);
		this.progress.accept(created.isEmpty() ? "Kafka Connect: connectors in place"
				: "Kafka Connect: created or updated connectors " + created + " from " + ConnectorFiles.FOLDER);
	}

}
