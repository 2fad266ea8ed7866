package io.pizza.platform.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.pizza.platform.secure.TlsMaterial;

/**
 * Where everything runs: ports, heap sizes and the state folder, from the defaults
 * ({@code defaults.properties} beside this class), then {@code pizza.properties} at the
 * project's root, then any overrides given. Where the settings come from is
 * {@link SettingsSources}', where the instances are {@link InstanceCatalog}'s, the modes
 * {@link Modes}', the secrets {@link Secrets}', what a process starts with
 * {@link LaunchOptions}'.
 */
public final class PlatformSettings {

	/** The file of settings at the project's root. */
	public static final String FILE = "pizza.properties";

	private final Path root;

	private final Properties properties;

	private final InstanceCatalog catalog;

	private final LaunchOptions launch;

	private PlatformSettings(Path root, Properties properties) {
		this.root = root.toAbsolutePath().normalize();
		this.properties = properties;
		this.catalog = new InstanceCatalog(properties);
		this.launch = new LaunchOptions(properties);
	}

	/**
	 * Reads the settings of the project at {@code root}.
	 * @param root the project's root folder
	 * @param overrides settings that win over the file's
	 * @return the settings
	 */
	public static PlatformSettings load(Path root, Properties overrides) {
		return new PlatformSettings(root, SettingsSources.read(root.resolve(FILE), overrides));
	}

	/** These settings with some changed, such as the mode: the overrides win. */
	public PlatformSettings with(Properties overrides) {
		Properties properties = new Properties();
		properties.putAll(this.properties);
		properties.putAll(overrides);
		return new PlatformSettings(this.root, properties);
	}

	public Path root() {
		return this.root;
	}

	public Path stateDir() {
		return this.root.resolve(this.properties.getProperty("state-dir"));
	}

	/** The platform's own network's subnet, a /24: the {@code network.subnet} setting. */
	public String networkSubnet() {
		return this.properties.getProperty("network.subnet");
	}

	/** What the own network's namespaces and links are named: {@code network.name}. */
	public String networkName() {
		return this.properties.getProperty("network.name");
	}

	/** The modes the platform runs in, as set or as {@code up} last recorded. */
	public Modes modes() {
		return new Modes(this.properties, stateDir());
	}

	/** Where the platform's passwords, keys and certificates are kept. */
	public Secrets secrets() {
		return new Secrets(stateDir(), connect().name());
	}

	/**
	 * What a Kafka client of {@code ./pizza} needs: the brokers, and in secure mode TLS
	 * with the admin's certificate.
	 */
	public Map<String, Object> kafkaClient() {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("bootstrap.servers", bootstrapServers());
		if (modes().secure()) {
			client.putAll(secrets().tls().clientSettings(TlsMaterial.ADMIN));
		}
		return client;
	}

	public Path logsDir() {
		return stateDir().resolve("logs");
	}

	public Path logFile(Instance instance) {
		return logsDir().resolve(instance.name() + ".log");
	}

	/** Where the platform's helper processes and Kafka's take their classes from. */
	public Classpaths classpaths() {
		return new Classpaths(this.root);
	}

	public Duration startupTimeout() {
		return Duration.parse(this.properties.getProperty("startup-timeout"));
	}

	public int postgresPort() {
		return postgres().port();
	}

	/**
	 * The brokers' client addresses, as {@code ./pizza} and this machine reach them (on
	 * the platform's own network, through its gateway; the parts themselves: see
	 * {@code NetworkTopology}).
	 * @return a bootstrap servers list
	 */
	public String bootstrapServers() {
		return String.join(",", brokers().stream().map((broker) -> "localhost:" + broker.port()).toList());
	}

	public List<Integer> controllerPorts() {
		return this.catalog.controllerPorts();
	}

	/** The three Kafka nodes, in node id order. */
	public List<Instance> brokers() {
		return this.catalog.brokers();
	}

	public Instance postgres() {
		return this.catalog.postgres();
	}

	public Instance connect() {
		return this.catalog.connect();
	}

	/** The Zipkin server, which {@code up} starts while the services trace. */
	public Instance zipkin() {
		return this.catalog.zipkin();
	}

	/** How many spans the Zipkin server keeps in memory: the oldest traces go first. */
	public int zipkinMaxSpans() {
		return Integer.parseInt(this.properties.getProperty("zipkin.max-spans").trim());
	}

	/** The service instances that {@code up} starts. */
	public List<Instance> services() {
		return this.catalog.services();
	}

	/**
	 * Every instance that {@code up} starts, in start order: brokers, database, services,
	 * the Connect worker, then the Zipkin server while the services trace.
	 */
	public List<Instance> instances() {
		boolean tracing = modes().tracing();
		return this.catalog.all().stream().filter((instance) -> instance.kind() != Kind.TRACES || tracing).toList();
	}

	/** An instance by name, further pizza makers such as {@code pizza-maker-3} too. */
	public Optional<Instance> instance(String name) {
		return this.catalog.find(name);
	}

	/** All names an instance can have, for error messages. */
	public List<String> instanceNames() {
		return this.catalog.names();
	}

	/** What a node's or a service instance's process starts with besides its heap. */
	public LaunchOptions launchOptions() {
		return this.launch;
	}

}
