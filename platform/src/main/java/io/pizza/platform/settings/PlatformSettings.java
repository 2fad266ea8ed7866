package io.pizza.platform.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.pizza.platform.secure.ConnectRestLogin;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.secure.ServiceSecrets;
import io.pizza.platform.secure.TlsMaterial;

/**
 * Where everything runs: ports, heap sizes and the state folder, from the defaults
 * ({@code defaults.properties} beside this class), then {@code pizza.properties} at the
 * project's root, then any overrides given. The one way into the settings, so longer than
 * most classes: where the settings come from is {@link SettingsSources}', where the
 * instances are {@link InstanceCatalog}'s, the mode {@link Mode}'s, what a process starts
 * with {@link LaunchOptions}'; what is left here answers in a line or two each.
 */
public final class PlatformSettings {

	/** The file of settings at the project's root. */
	public static final String FILE = "pizza.properties";

	/** The mode of TLS with client certificates and ACLs. */
	public static final String SECURE = RecordedChoice.MODE.other();

	/** The mode without TLS or ACLs. */
	public static final String PLAINTEXT = RecordedChoice.MODE.usual();

	/** The {@code network} setting of a platform on a network of its own. */
	public static final String OWN_NETWORK = RecordedChoice.NETWORK.other();

	/** The {@code network} setting of a platform on this machine's loopback. */
	public static final String LOOPBACK = RecordedChoice.NETWORK.usual();

	/** The makers as a share group ({@code up --kitchen=queue}). */
	public static final String QUEUE = RecordedChoice.KITCHEN.other();

	/** The makers as a consumer group, the usual kitchen. */
	public static final String GROUP = RecordedChoice.KITCHEN.usual();

	/** Every order traced, to the platform's Zipkin server: the usual. */
	public static final String TRACING_ON = RecordedChoice.TRACING.usual();

	/** No span, no trace id, no Zipkin server ({@code up --tracing=off}). */
	public static final String TRACING_OFF = RecordedChoice.TRACING.other();

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

	/**
	 * These settings with some changed, such as the mode.
	 * @param overrides settings that win over these
	 * @return the new settings
	 */
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

	/**
	 * Whether the platform runs in secure mode (TLS with client certificates, ACLs): as
	 * the {@code mode} setting says, else as {@code up} last recorded, else not.
	 * @return whether it does
	 */
	public boolean secure() {
		return RecordedChoice.MODE.isOther(this.properties.getProperty("mode"), stateDir());
	}

	/**
	 * Whether the platform runs on a network of its own ({@code up --network}): each part
	 * in a network namespace, on a bridge, as the {@code network} setting says, else as
	 * {@code up} last recorded, else not.
	 * @return whether it does
	 */
	public boolean ownNetwork() {
		return RecordedChoice.NETWORK.isOther(this.properties.getProperty("network"), stateDir());
	}

	/**
	 * Whether the makers run as a share group ({@code up --kitchen=queue}): as the
	 * {@code kitchen} setting says, else as {@code up} last recorded, else not.
	 * @return whether they do
	 */
	public boolean queueKitchen() {
		return RecordedChoice.KITCHEN.isOther(this.properties.getProperty("kitchen"), stateDir());
	}

	/**
	 * Whether the services trace orders to the platform's Zipkin server: as the
	 * {@code tracing} setting says, else as {@code up} last recorded, else they do.
	 * @return whether they do
	 */
	public boolean tracing() {
		return !RecordedChoice.TRACING.isOther(this.properties.getProperty("tracing"), stateDir());
	}

	/**
	 * Whether {@code up} last started the services tracing, if it did start them.
	 * @return whether they trace
	 */
	public Optional<Boolean> recordedTracing() {
		return RecordedChoice.TRACING.recorded(stateDir()).map(TRACING_ON::equals);
	}

	/**
	 * The kitchen {@code up} last started the makers as.
	 * @return {@code queue} or {@code group}, if it ever ran
	 */
	public Optional<String> recordedKitchen() {
		return RecordedChoice.KITCHEN.recorded(stateDir());
	}

	/**
	 * The network {@code up} last started the platform on.
	 * @return {@code own} or {@code loopback}, if it ever ran
	 */
	public Optional<String> recordedNetwork() {
		return RecordedChoice.NETWORK.recorded(stateDir());
	}

	/**
	 * The platform's own network's subnet.
	 * @return the {@code network.subnet} setting, a /24
	 */
	public String networkSubnet() {
		return this.properties.getProperty("network.subnet");
	}

	/**
	 * What the platform's own network's namespaces and links are named with.
	 * @return the {@code network.name} setting
	 */
	public String networkName() {
		return this.properties.getProperty("network.name");
	}

	/**
	 * The mode {@code up} last started the platform in.
	 * @return {@code secure} or {@code plaintext}, if it ever ran
	 */
	public Optional<String> recordedMode() {
		return RecordedChoice.MODE.recorded(stateDir());
	}

	/**
	 * Notes the mode and the network the platform was started in, for the commands that
	 * follow.
	 */
	public void recordMode() {
		RecordedChoice.MODE.record(stateDir(), secure());
		RecordedChoice.NETWORK.record(stateDir(), ownNetwork());
		RecordedChoice.TRACING.record(stateDir(), !tracing());
	}

	/**
	 * Notes the kitchen the makers run as, once the orders are theirs.
	 */
	public void recordKitchen() {
		RecordedChoice.KITCHEN.record(stateDir(), queueKitchen());
	}

	/**
	 * The secure mode's CA, certificates and keys.
	 * @return the {@code tls} folder of the state folder
	 */
	public TlsMaterial tls() {
		return new TlsMaterial(stateDir().resolve("tls"));
	}

	/**
	 * PostgreSQL's logins, in every mode: one password per role, each in its own folder.
	 * @return the logins
	 */
	public DatabaseLogins databaseLogins() {
		return new DatabaseLogins(stateDir().resolve("secrets"));
	}

	/**
	 * The services' HTTP users, in every mode: one password per user, each in its own
	 * folder beside PostgreSQL's.
	 * @return the logins
	 */
	public HttpLogins httpLogins() {
		return new HttpLogins(stateDir().resolve("secrets"));
	}

	/**
	 * Kafka Connect's REST API login, in every mode, in the worker's secrets folder.
	 * @return the login
	 */
	public ConnectRestLogin connectRestLogin() {
		return new ConnectRestLogin(databaseLogins().folder(connect().name()));
	}

	/**
	 * The secrets each service's instances share.
	 * @return them, in the secrets folder
	 */
	public ServiceSecrets serviceSecrets() {
		return new ServiceSecrets(stateDir().resolve("secrets"));
	}

	/**
	 * What a Kafka client of {@code ./pizza} needs: the brokers, and in secure mode TLS
	 * with the admin's certificate.
	 * @return the client settings
	 */
	public Map<String, Object> kafkaClient() {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("bootstrap.servers", bootstrapServers());
		if (secure()) {
			client.putAll(tls().clientSettings(TlsMaterial.ADMIN));
		}
		return client;
	}

	public Path logsDir() {
		return stateDir().resolve("logs");
	}

	public Path logFile(Instance instance) {
		return logsDir().resolve(instance.name() + ".log");
	}

	/**
	 * The classpath of the platform and the jars it depends on, which its own helper
	 * processes (PostgreSQL's starter) run from.
	 * @return the platform's jar and the folder of the others, with a wildcard
	 */
	public String platformClasspath() {
		Path target = this.root.resolve("platform/target");
		return target.resolve("platform.jar") + ":" + target.resolve("lib") + "/*";
	}

	/**
	 * The classpath of a Kafka node and Kafka's own tools ({@code kafka-node}): Kafka's
	 * jars and theirs alone, none of the platform's.
	 * @return the folder of the jars, with a wildcard
	 */
	public String kafkaClasspath() {
		return this.root.resolve("kafka-node/target/lib") + "/*";
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

	/**
	 * The Kafka nodes, in node id order.
	 * @return the three brokers
	 */
	public List<Instance> brokers() {
		return this.catalog.brokers();
	}

	public Instance postgres() {
		return this.catalog.postgres();
	}

	public Instance connect() {
		return this.catalog.connect();
	}

	/**
	 * The Zipkin server, which {@code up} starts while the services trace.
	 * @return its instance
	 */
	public Instance zipkin() {
		return this.catalog.zipkin();
	}

	/**
	 * How many spans the Zipkin server keeps in memory: the oldest traces go first.
	 * @return the number
	 */
	public int zipkinMaxSpans() {
		return Integer.parseInt(this.properties.getProperty("zipkin.max-spans").trim());
	}

	/**
	 * The service instances that {@code up} starts.
	 * @return the services
	 */
	public List<Instance> services() {
		return this.catalog.services();
	}

	/**
	 * Every instance that {@code up} starts, in start order.
	 * @return brokers, database, services, the Connect worker, then the Zipkin server
	 * while the services trace
	 */
	public List<Instance> instances() {
		return this.catalog.all().stream().filter((instance) -> instance.kind() != Kind.TRACES || tracing()).toList();
	}

	/**
	 * Finds an instance by name, including further pizza makers such as
	 * {@code pizza-maker-3}.
	 * @param name the instance's name
	 * @return the instance
	 */
	public Optional<Instance> instance(String name) {
		return this.catalog.find(name);
	}

	/**
	 * All names an instance can have, for error messages.
	 * @return the names
	 */
	public List<String> instanceNames() {
		return this.catalog.names();
	}

	/**
	 * Extra environment variables of a service instance, as {@link LaunchOptions} reads
	 * them.
	 * @param service the instance
	 * @return the variables
	 */
	public Map<String, String> environment(Instance service) {
		return this.launch.environment(service);
	}

	/**
	 * The JVM options a Kafka node or a service instance starts with besides its heap, as
	 * {@link LaunchOptions} reads them.
	 * @param instance the node or instance
	 * @return the options, in order
	 */
	public List<String> jvmOptions(Instance instance) {
		return this.launch.jvmOptions(instance);
	}

}
