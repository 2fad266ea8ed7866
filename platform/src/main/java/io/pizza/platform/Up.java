package io.pizza.platform;

import java.util.ArrayList;
import java.util.List;

import io.pizza.platform.kafka.FeatureLevels;
import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code up}: the order in which the parts come up, each started only if it does not run
 * yet: the network, Kafka and PostgreSQL, the topics (and the makers' kitchen, the ACLs),
 * then Zipkin, the services and the Connect worker, until all are healthy.
 */
final class Up {

	private final Parts parts;

	private final PlatformSettings settings;

	Up(Parts parts) {
		this.parts = parts;
		this.settings = parts.settings();
	}

	void run() {
		Preflight.checkJava();
		this.parts.preflight().checkMode();
		this.parts.preflight().checkNetwork();
		this.parts.preflight().checkPorts(this.settings.instances());
		new TracingSwitch(this.parts).apply();
		KitchenSwitch kitchen = new KitchenSwitch(this.parts);
		kitchen.stopMakers();
		this.settings.modes().record();
		if (this.settings.modes().ownNetwork()) {
			startNetwork();
		}
		startKafkaAndPostgres();
		List<String> created = this.parts.kafka().createTopics();
		tell(created.isEmpty() ? "Kafka: topics in place" : "Kafka: created topics " + created);
		kitchen.handOver();
		electPreferredLeaders();
		if (this.settings.modes().secure()) {
			applyAcls();
		}
		Instance zipkin = this.settings.zipkin();
		if (this.settings.modes().tracing() && notRunning(zipkin)) {
			this.parts.zipkin().start(zipkin);
			tell("Zipkin: started, every order's trace at http://localhost:" + zipkin.port() + "/zipkin/");
		}
		startServices();
		Instance worker = this.settings.connect();
		if (notRunning(worker)) {
			this.parts.connect().start(worker);
			tell("Kafka Connect: started on port " + worker.port());
		}
		List<Instance> all = new ArrayList<>(this.settings.services());
		all.add(worker);
		if (this.settings.modes().tracing()) {
			all.add(zipkin);
		}
		this.parts.awaitHealthy(all);
		this.parts.applyConnectors(worker);
	}

	// every part in a namespace of its own on a bridge, this machine's loopback reaching
	// them through the gateway
	private void startNetwork() {
		NetworkTopology network = NetworkTopology.of(this.settings);
		network.ensureLan();
		this.settings.instances().forEach(network::ensure);
		this.parts.gateways().start();
		tell("Network: " + this.settings.instances().size() + " parts, each in a namespace of its own on "
				+ network.subnet() + ", reached from this machine through the gateway");
	}

	private void startKafkaAndPostgres() {
		List<Instance> brokers = this.parts.preflight().notRunning(this.settings.brokers());
		if (!brokers.isEmpty()) {
			tell("Kafka: preparing " + brokers.size() + " KRaft node(s)");
			this.parts.kafka().prepare();
			brokers.forEach(this.parts.kafka()::start);
			tell("Kafka: started " + brokers + ", waiting for the quorum");
		}
		if (notRunning(this.settings.postgres())) {
			tell("PostgreSQL: starting on port " + this.settings.postgresPort());
			this.parts.postgres().start();
			tell("PostgreSQL: ready");
		}
		this.parts.kafka().awaitReady(this.settings.startupTimeout());
		tell("Kafka: 3 brokers up, controller is node " + this.parts.kafka().controller().orElse(-1));
		try (Admin admin = this.parts.kafka().admin()) {
			List<String> raised = FeatureLevels.raise(admin);
			if (!raised.isEmpty()) {
				tell("Kafka: a state from an older Kafka, raised " + raised);
			}
		}
	}

	// the partitions' leaders spread over the nodes again, rather than all on the first
	// one up until Kafka's own rebalance; a cluster that cannot yet is left to it
	private void electPreferredLeaders() {
		try {
			int moved = this.parts.kafka().electPreferredLeaders();
			if (moved > 0) {
				tell("Kafka: " + moved + " partitions led by their preferred replicas again");
			}
		}
		catch (PlatformException ex) {
			tell("Kafka: leaders left as they are (" + ex.getMessage() + ")");
		}
	}

	private void applyAcls() {
		try (Admin admin = this.parts.kafka().admin()) {
			Acls.apply(admin);
		}
		tell("Kafka: TLS with client certificates on every listener, " + Acls.all().size()
				+ " ACLs in place, the rest denied (certificates in " + this.settings.secrets().tls().folder() + ")");
	}

	private void startServices() {
		List<Instance> services = this.parts.preflight().notRunning(this.settings.services());
		List<String> notExtracted = this.parts.services().prepare(services);
		if (!notExtracted.isEmpty()) {
			tell("Services: could not extract " + notExtracted
					+ " (see their -cds.log): they start from their jars, without a class archive");
		}
		services.forEach(this.parts.services()::start);
		if (!services.isEmpty()) {
			tell("Services: started " + services + ", waiting for them to be healthy");
		}
	}

	private boolean notRunning(Instance instance) {
		return this.parts.processes().running(instance).isEmpty();
	}

	private void tell(String line) {
		this.parts.progress().accept(line);
	}

}
