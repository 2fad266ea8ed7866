package io.pizza.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * The 3-node KRaft cluster: each node broker and controller in one, its own JVM from the
 * Kafka jars Maven resolved, its data under the state folder.
 */
public final class KafkaCluster {

	private final PlatformSettings settings;

	private final Processes processes;

	private final NodeConfig nodes;

	public KafkaCluster(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
		this.nodes = new NodeConfig(settings);
	}

	/**
	 * Writes each node's configuration and formats the storage of nodes that have none.
	 */
	public void prepare() {
		if (this.settings.modes().secure()) {
			this.settings.secrets().tls().prepare(this.settings.brokers().stream().map(Instance::name).toList());
		}
		new NodeStorage(this.settings, this.nodes).formatWhereMissing();
	}

	/**
	 * Starts one node.
	 * @param broker the node
	 */
	public void start(Instance broker) {
		List<String> command = new ArrayList<>(List.of(CommandLines.java()));
		command.addAll(broker.heapOptions());
		command.addAll(this.settings.launchOptions().jvmOptions(broker));
		command.addAll(
				List.of(CommandLines.MARKER + broker.name(), "-Dlog4j2.configurationFile=" + this.nodes.log4jConfig(),
						"-cp", this.settings.classpaths().kafka(), "kafka.Kafka", this.nodes.file(broker).toString()));
		this.processes.start(broker, NetworkTopology.of(this.settings).wrap(broker, command), Map.of());
	}

	/**
	 * Waits until every node is in the cluster's metadata.
	 * @param timeout how long to wait
	 */
	public void awaitReady(Duration timeout) {
		int expected = this.settings.brokers().size();
		try (Admin admin = admin()) {
			Polling.until(timeout, Duration.ofMillis(250), () -> nodes(admin) == expected,
					() -> "The Kafka cluster was not up after " + timeout.toSeconds() + " s: see "
							+ this.settings.logsDir() + "/kafka-*.log");
		}
	}

	private static int nodes(Admin admin) {
		try {
			return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
				.nodes()
				.get(3, TimeUnit.SECONDS)
				.size();
		}
		catch (ExecutionException | TimeoutException ex) {
			// not up yet
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	/**
	 * Gives each partition's leadership back to its preferred replica
	 * ({@link PreferredLeaders}).
	 * @return how many partitions changed leader
	 * @throws PlatformException if that could not be done
	 */
	public int electPreferredLeaders() {
		try (Admin admin = admin()) {
			return PreferredLeaders.elect(admin);
		}
	}

	/**
	 * Creates the system's topics that do not exist yet.
	 * @return the names of the topics created
	 */
	public List<String> createTopics() {
		try (Admin admin = admin()) {
			return MissingTopics.create(admin);
		}
	}

	/**
	 * The node that leads the KRaft quorum, the active controller, as the running nodes
	 * recorded their last election.
	 * @return its node id, when a running node leads
	 */
	public Optional<Integer> controller() {
		List<Instance> running = this.settings.brokers()
			.stream()
			.filter((broker) -> this.processes.running(broker).isPresent())
			.toList();
		return QuorumState.leader(running.stream().map(this.nodes::dataDir).toList())
			.filter((leader) -> running.stream().anyMatch((broker) -> broker.nodeId() == leader));
	}

	/**
	 * An admin client on the whole cluster, for the caller to close.
	 * @return the client
	 */
	public Admin admin() {
		Properties properties = new Properties();
		properties.putAll(this.settings.kafkaClient());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
		return Admin.create(properties);
	}

}
