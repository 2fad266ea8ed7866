package io.pizza.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.pizza.platform.process.Processes;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The 3-node KRaft cluster: each node broker and controller in one, its own JVM from the
 * Kafka jars Maven resolved, its data under the state folder.
 */
public final class KafkaCluster {

	/** The settings every node shares, docker-compose.yml's brokers too. */
	public static final Map<String, String> CLUSTER_SETTINGS = clusterSettings();

	private final PlatformSettings settings;

	private final Processes processes;

	public KafkaCluster(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * Writes each node's configuration and formats the storage of nodes that have none.
	 */
	public void prepare() {
		if (this.settings.secure()) {
			this.settings.tls().prepare(this.settings.brokers().stream().map(Instance::name).toList());
		}
		String clusterId = clusterId();
		List<Process> formats = new ArrayList<>();
		for (Instance broker : this.settings.brokers()) {
			Path config = writeConfig(broker);
			if (!Files.exists(dataDir(broker).resolve("meta.properties"))) {
				formats.add(format(broker, clusterId, config));
			}
		}
		for (Process format : formats) {
			awaitSuccess(format, "formatting Kafka storage");
		}
	}

	/**
	 * Starts one node.
	 * @param broker the node
	 */
	public void start(Instance broker) {
		List<String> command = List.of(Processes.java(), "-Xms" + broker.heap(), "-Xmx" + broker.heap(), "-XX:+UseG1GC",
				"-XX:MaxGCPauseMillis=20", Processes.MARKER + broker.name(),
				"-Dlog4j2.configurationFile=" + log4jConfig(), "-cp", this.settings.kafkaClasspath(), "kafka.Kafka",
				configFile(broker).toString());
		this.processes.start(broker, command, Map.of());
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
	 * Creates the system's topics that do not exist yet.
	 * @return the names of the topics created
	 */
	public List<String> createTopics() {
		List<String> created = new ArrayList<>();
		try (Admin admin = admin()) {
			for (TopicSpec topic : Topics.all()) {
				try {
					admin.createTopics(List.of(topic.toNewTopic())).all().get(30, TimeUnit.SECONDS);
					created.add(topic.name());
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new PlatformException(
								"Could not create topic " + topic.name() + ": " + ex.getCause().getMessage(), ex);
					}
				}
			}
		}
		catch (TimeoutException ex) {
			throw new PlatformException("Creating topics timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		return created;
	}

	/**
	 * The node that leads the KRaft quorum: the active controller.
	 * @return its node id, when the quorum answers
	 */
	public Optional<Integer> controller() {
		try (Admin admin = admin()) {
			return Optional.of(admin.describeMetadataQuorum(new DescribeMetadataQuorumOptions().timeoutMs(2000))
				.quorumInfo()
				.get(3, TimeUnit.SECONDS)
				.leaderId());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
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

	/**
	 * The configuration of one node: combined broker and controller, replication 3 with
	 * at least 2 in sync, no unclean leader election, no topics created by accident.
	 * @param broker the node
	 * @return its {@code server.properties}, in order
	 */
	public Map<String, String> config(Instance broker) {
		List<Integer> controllerPorts = this.settings.controllerPorts();
		String voters = this.settings.brokers()
			.stream()
			.map((node) -> node.nodeId() + "@localhost:" + controllerPorts.get(node.nodeId() - 1))
			.collect(Collectors.joining(","));
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", String.valueOf(broker.nodeId()));
		config.put("controller.quorum.voters", voters);
		// in secure mode every listener, the controllers' too, is TLS with client
		// certificates
		String protocol = this.settings.secure() ? "SSL" : "PLAINTEXT";
		config.put("listeners", protocol + "://localhost:" + broker.port() + ",CONTROLLER://localhost:"
				+ controllerPorts.get(broker.nodeId() - 1));
		config.put("listener.security.protocol.map", protocol + ":" + protocol + ",CONTROLLER:" + protocol);
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", protocol);
		config.put("log.dirs", dataDir(broker).toString());
		config.putAll(CLUSTER_SETTINGS);
		if (this.settings.secure()) {
			List<String> names = this.settings.brokers().stream().map(Instance::name).toList();
			config.putAll(this.settings.tls().brokerSettings(broker.name(), names));
		}
		return config;
	}

	private Path writeConfig(Instance broker) {
		return StateFiles.writeProperties(configFile(broker), config(broker));
	}

	private Process format(Instance broker, String clusterId, Path config) {
		try {
			Files.createDirectories(this.settings.logsDir());
			return new ProcessBuilder(Processes.java(), "-Dlog4j2.configurationFile=" + log4jConfig(), "-cp",
					this.settings.kafkaClasspath(), "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
					config.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.settings.logFile(broker).toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new PlatformException("Could not format the storage of " + broker.name(), ex);
		}
	}

	private void awaitSuccess(Process process, String what) {
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new PlatformException(what + " failed: see " + this.settings.logsDir() + "/kafka-*.log");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private String clusterId() {
		Path file = kafkaDir().resolve("cluster.id");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, randomClusterId());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cluster id as {@code kafka-storage random-uuid} makes one: 16 random bytes in
	 * URL-safe base64 without padding.
	 */
	private static String randomClusterId() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	private Path log4jConfig() {
		return StateFiles.copyResource("/kafka-log4j2.properties", kafkaDir().resolve("log4j2.properties"));
	}

	private Path kafkaDir() {
		return this.settings.stateDir().resolve("kafka");
	}

	private Path dataDir(Instance broker) {
		return kafkaDir().resolve(broker.name());
	}

	private Path configFile(Instance broker) {
		return kafkaDir().resolve(broker.name() + ".properties");
	}

	private static Map<String, String> clusterSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("num.partitions", "6");
		settings.put("default.replication.factor", "3");
		settings.put("min.insync.replicas", "2");
		settings.put("unclean.leader.election.enable", "false");
		settings.put("auto.create.topics.enable", "false");
		settings.put("offsets.topic.replication.factor", "3");
		settings.put("transaction.state.log.replication.factor", "3");
		settings.put("transaction.state.log.min.isr", "2");
		settings.put("share.coordinator.state.topic.replication.factor", "3");
		settings.put("share.coordinator.state.topic.min.isr", "2");
		settings.put("group.initial.rebalance.delay.ms", "0");
		// the new group protocol (KIP-848): a silent member is out after 6 s, not Kafka's
		// 45 s, and the others hear of their new assignment within a second
		settings.put("group.consumer.session.timeout.ms", "6000");
		settings.put("group.consumer.min.session.timeout.ms", "3000");
		settings.put("group.consumer.heartbeat.interval.ms", "1000");
		settings.put("group.consumer.min.heartbeat.interval.ms", "500");
		return settings;
	}

}
