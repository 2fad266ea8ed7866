package io.pizza.platform.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;

/**
 * What each Kafka node is given: its {@code server.properties}, its data folder and its
 * logging configuration, under the state folder's {@code kafka/}.
 */
public final class NodeConfig {

	/** The settings every node shares, docker-compose.yml's brokers too. */
	public static final Map<String, String> CLUSTER_SETTINGS = clusterSettings();

	private final PlatformSettings settings;

	public NodeConfig(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * The configuration of one node: combined broker and controller, replication 3 with
	 * at least 2 in sync, no unclean leader election, no topics created by accident.
	 * @param broker the node
	 * @return its {@code server.properties}, in order
	 */
	public Map<String, String> config(Instance broker) {
		List<Integer> controllerPorts = this.settings.controllerPorts();
		NetworkTopology network = NetworkTopology.of(this.settings);
		String host = network.host(broker);
		String voters = this.settings.brokers()
			.stream()
			.map((node) -> node.nodeId() + "@" + network.host(node) + ":" + controllerPorts.get(node.nodeId() - 1))
			.collect(Collectors.joining(","));
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", String.valueOf(broker.nodeId()));
		config.put("controller.quorum.voters", voters);
		// in secure mode every listener, the controllers' too, is TLS with client
		// certificates
		String protocol = this.settings.modes().secure() ? "SSL" : "PLAINTEXT";
		String controller = ",CONTROLLER://" + host + ":" + controllerPorts.get(broker.nodeId() - 1);
		if (network.own()) {
			// the parts reach it at its address; this machine, through the gateway, on a
			// listener of its own that says it is on this machine's loopback
			config.put("listeners", protocol + "://" + host + ":" + broker.port() + ",HOST://" + host + ":"
					+ NetworkTopology.hostListenerPort(broker) + controller);
			config.put("advertised.listeners",
					protocol + "://" + host + ":" + broker.port() + ",HOST://localhost:" + broker.port());
			config.put("listener.security.protocol.map",
					protocol + ":" + protocol + ",HOST:" + protocol + ",CONTROLLER:" + protocol);
		}
		else {
			config.put("listeners", protocol + "://localhost:" + broker.port() + controller);
			config.put("listener.security.protocol.map", protocol + ":" + protocol + ",CONTROLLER:" + protocol);
		}
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", protocol);
		config.put("log.dirs", dataDir(broker).toString());
		config.putAll(CLUSTER_SETTINGS);
		if (this.settings.modes().secure()) {
			List<String> names = this.settings.brokers().stream().map(Instance::name).toList();
			config.putAll(this.settings.secrets().tls().brokerSettings(broker.name(), names));
		}
		return config;
	}

	/**
	 * Writes a node's configuration into the state folder.
	 * @param broker the node
	 * @return the file
	 */
	Path write(Instance broker) {
		return StateFiles.writeProperties(file(broker), config(broker));
	}

	Path log4jConfig() {
		return StateFiles.copyResource("/kafka-log4j2.properties", kafkaDir().resolve("log4j2.properties"));
	}

	Path kafkaDir() {
		return this.settings.stateDir().resolve("kafka");
	}

	Path dataDir(Instance broker) {
		return kafkaDir().resolve(broker.name());
	}

	Path file(Instance broker) {
		return kafkaDir().resolve(broker.name() + ".properties");
	}

	private static Map<String, String> clusterSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("num.partitions", "6");
		settings.put("default.replication.factor", "3");
		settings.put("min.insync.replicas", "2");
		settings.put("unclean.leader.election.enable", "false");
		settings.put("auto.create.topics.enable", "false");
		// every partition a broker leads costs each follower's fetch a read, whether it
		// carries anything or not: Kafka's 50 apiece for offsets and transactions, sized
		// for thousands of groups, would be 100 of the cluster's 168 (docs/platform.md)
		settings.put("offsets.topic.num.partitions", "6");
		settings.put("transaction.state.log.num.partitions", "6");
		settings.put("offsets.topic.replication.factor", "3");
		settings.put("transaction.state.log.replication.factor", "3");
		settings.put("transaction.state.log.min.isr", "2");
		settings.put("share.coordinator.state.topic.replication.factor", "3");
		settings.put("share.coordinator.state.topic.min.isr", "2");
		settings.put("group.initial.rebalance.delay.ms", "0");
		// the log cleaner's map of keys, on the heap: Kafka's 128 MiB is sized for
		// compacting large topics; the compacted ones here (offsets, transactions, order
		// placements) have far fewer keys than the 600,000 that 16 MiB hold in one pass
		settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
		// the new group protocol (KIP-848): a silent member is out after 6 s, not Kafka's
		// 45 s, and the others hear of their new assignment within a second
		settings.put("group.consumer.session.timeout.ms", "6000");
		settings.put("group.consumer.min.session.timeout.ms", "3000");
		settings.put("group.consumer.heartbeat.interval.ms", "1000");
		settings.put("group.consumer.min.heartbeat.interval.ms", "500");
		// and the same for share groups: the partitions a member fetched from go to the
		// others once it is out
		settings.put("group.share.session.timeout.ms", "6000");
		settings.put("group.share.min.session.timeout.ms", "3000");
		settings.put("group.share.heartbeat.interval.ms", "1000");
		settings.put("group.share.min.heartbeat.interval.ms", "500");
		return settings;
	}

}
