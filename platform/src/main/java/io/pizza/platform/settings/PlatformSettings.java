package io.pizza.platform.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.system.PlatformException;

/**
 * Where everything runs: ports, heap sizes and the state folder, from the defaults, then
 * {@code pizza.properties} at the project's root, then any overrides given.
 */
public final class PlatformSettings {

	/** The file of settings at the project's root. */
	public static final String FILE = "pizza.properties";

	/** The mode of TLS with client certificates and ACLs. */
	public static final String SECURE = "secure";

	/** The mode without TLS or ACLs. */
	public static final String PLAINTEXT = "plaintext";

	private static final Pattern EXTRA_MAKER = Pattern.compile("pizza-maker-(\\d+)");

	private static final List<String> SERVICES = List.of("order-service", "pizza-maker-1", "pizza-maker-2",
			"billing-service", "delivery-tracker-service", "dashboard");

	private final Path root;

	private final Properties properties;

	private PlatformSettings(Path root, Properties properties) {
		this.root = root.toAbsolutePath().normalize();
		this.properties = properties;
	}

	/**
	 * Reads the settings of the project at {@code root}.
	 * @param root the project's root folder
	 * @param overrides settings that win over the file's
	 * @return the settings
	 */
	public static PlatformSettings load(Path root, Properties overrides) {
		Properties properties = defaults();
		Path file = root.resolve(FILE);
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		properties.putAll(overrides);
		return new PlatformSettings(root, properties);
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

	private static Properties defaults() {
		Properties defaults = new Properties();
		defaults.setProperty("state-dir", ".pizza");
		defaults.setProperty("kafka.ports", "9092,9093,9094");
		defaults.setProperty("kafka.controller-ports", "9192,9193,9194");
		defaults.setProperty("kafka.heap", "512m");
		defaults.setProperty("kafka.jvm-options", "-XX:+UseG1GC -XX:MaxGCPauseMillis=20");
		defaults.setProperty("postgres.port", "5432");
		defaults.setProperty("service.heap", "256m");
		// quick to start and small: one JIT compiler, the serial collector
		defaults.setProperty("service.jvm-options",
				"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=160m -Xss512k");
		// the intake is measured for throughput: both JIT compilers, the parallel
		// collector,
		// a larger heap (docs/performance.md has the figures)
		defaults.setProperty("order-service.jvm-options", "-XX:+UseParallelGC -XX:MaxMetaspaceSize=200m -Xss512k");
		defaults.setProperty("order-service.heap", "512m");
		defaults.setProperty("order-service.port", "8080");
		defaults.setProperty("pizza-maker-1.port", "8081");
		defaults.setProperty("pizza-maker-2.port", "8082");
		defaults.setProperty("billing-service.port", "8083");
		defaults.setProperty("delivery-tracker-service.port", "8084");
		defaults.setProperty("dashboard.port", "8085");
		defaults.setProperty("kafka-connect.port", "8086");
		defaults.setProperty("kafka-connect.heap", "512m");
		defaults.setProperty("startup-timeout", "PT2M");
		return defaults;
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
		String mode = this.properties.getProperty("mode");
		if (mode == null) {
			mode = recordedMode().orElse(PLAINTEXT);
		}
		if (!mode.equals(SECURE) && !mode.equals(PLAINTEXT)) {
			throw new PlatformException("Unknown mode '" + mode + "': " + SECURE + " or " + PLAINTEXT);
		}
		return mode.equals(SECURE);
	}

	/**
	 * The mode {@code up} last started the platform in.
	 * @return {@code secure} or {@code plaintext}, if it ever ran
	 */
	public Optional<String> recordedMode() {
		Path file = stateDir().resolve("mode");
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Notes the mode the platform was started in, for the commands that follow.
	 */
	public void recordMode() {
		try {
			Files.createDirectories(stateDir());
			Files.writeString(stateDir().resolve("mode"), (secure() ? SECURE : PLAINTEXT) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		return intSetting("postgres.port");
	}

	/**
	 * The brokers' client addresses.
	 * @return a bootstrap servers list
	 */
	public String bootstrapServers() {
		return String.join(",", brokers().stream().map((broker) -> "localhost:" + broker.port()).toList());
	}

	public List<Integer> controllerPorts() {
		return ports("kafka.controller-ports");
	}

	/**
	 * The Kafka nodes, in node id order.
	 * @return the three brokers
	 */
	public List<Instance> brokers() {
		List<Integer> ports = ports("kafka.ports");
		List<Instance> brokers = new ArrayList<>();
		for (int i = 0; i < ports.size(); i++) {
			brokers.add(new Instance("kafka-" + (i + 1), Kind.BROKER, ports.get(i), null, i + 1,
					this.properties.getProperty("kafka.heap")));
		}
		return brokers;
	}

	public Instance postgres() {
		return new Instance("postgres", Kind.DATABASE, postgresPort(), null, 0, null);
	}

	/**
	 * The Kafka Connect worker.
	 * @return its instance
	 */
	public Instance connect() {
		return new Instance("kafka-connect", Kind.CONNECT, intSetting("kafka-connect.port"), null, 0,
				this.properties.getProperty("kafka-connect.heap"));
	}

	/**
	 * The service instances that {@code up} starts.
	 * @return the services
	 */
	public List<Instance> services() {
		return SERVICES.stream().map((name) -> service(name).orElseThrow()).toList();
	}

	/**
	 * Every instance that {@code up} starts, in start order.
	 * @return brokers, database, services, then the Connect worker
	 */
	public List<Instance> instances() {
		List<Instance> all = new ArrayList<>(brokers());
		all.add(postgres());
		all.addAll(services());
		all.add(connect());
		return all;
	}

	/**
	 * Finds an instance by name, including further pizza makers such as
	 * {@code pizza-maker-3}.
	 * @param name the instance's name
	 * @return the instance
	 */
	public Optional<Instance> instance(String name) {
		return instances().stream()
			.filter((instance) -> instance.name().equals(name))
			.findFirst()
			.or(() -> service(name));
	}

	/**
	 * All names an instance can have, for error messages.
	 * @return the names
	 */
	public List<String> instanceNames() {
		List<String> names = new ArrayList<>(instances().stream().map(Instance::name).toList());
		names.add("pizza-maker-N");
		return names;
	}

	private Optional<Instance> service(String name) {
		String module = moduleOf(name);
		if (module == null) {
			return Optional.empty();
		}
		String port = this.properties.getProperty(name + ".port");
		if (port == null) {
			Matcher maker = EXTRA_MAKER.matcher(name);
			maker.matches();
			port = String.valueOf(8090 + Integer.parseInt(maker.group(1)));
		}
		String heap = this.properties.getProperty(name + ".heap", this.properties.getProperty("service.heap"));
		return Optional.of(new Instance(name, Kind.SERVICE, Integer.parseInt(port.trim()), module, 0, heap));
	}

	private static String moduleOf(String name) {
		if (EXTRA_MAKER.matcher(name).matches()) {
			return "pizza-maker-service";
		}
		return switch (name) {
			case "order-service", "billing-service", "delivery-tracker-service", "dashboard" -> name;
			default -> null;
		};
	}

	/**
	 * Extra environment variables of a service instance: {@code service.env.NAME} for
	 * every service, {@code <instance>.env.NAME} for one, such as
	 * {@code pizza-maker-1.env.SPRING_PROFILES_ACTIVE=classic-protocol}.
	 * @param service the instance
	 * @return the variables
	 */
	public Map<String, String> environment(Instance service) {
		Map<String, String> environment = new TreeMap<>();
		for (String prefix : List.of("service.env.", service.name() + ".env.")) {
			for (String key : this.properties.stringPropertyNames()) {
				if (key.startsWith(prefix)) {
					environment.put(key.substring(prefix.length()), this.properties.getProperty(key));
				}
			}
		}
		return environment;
	}

	/**
	 * The JVM options a Kafka node or a service instance starts with, besides its heap:
	 * {@code <instance>.jvm-options}, or else {@code kafka.jvm-options} for a node and
	 * {@code service.jvm-options} for a service.
	 * @param instance the node or instance
	 * @return the options, in order
	 */
	public List<String> jvmOptions(Instance instance) {
		String common = (instance.kind() == Kind.BROKER) ? "kafka.jvm-options" : "service.jvm-options";
		String options = this.properties.getProperty(instance.name() + ".jvm-options",
				this.properties.getProperty(common));
		return List.of(options.trim().split("\\s+"));
	}

	private int intSetting(String key) {
		return Integer.parseInt(this.properties.getProperty(key).trim());
	}

	private List<Integer> ports(String key) {
		return Arrays.stream(this.properties.getProperty(key).split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
	}

}
