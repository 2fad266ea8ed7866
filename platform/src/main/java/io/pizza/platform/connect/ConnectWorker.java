package io.pizza.platform.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.pizza.platform.process.Processes;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka Connect worker: one JVM of {@code ConnectDistributed} from the jars of the
 * {@code kafka-connect} module, in distributed mode on the shared cluster (its configs,
 * offsets and statuses in topics of its own), the connectors of
 * {@code kafka-connect/target/plugins} on its plugin path, and its REST API on its own
 * port. Connectors are made from the files in {@code kafka-connect/connectors/}.
 */
public final class ConnectWorker {

	/** The folder of the connectors' config files, in the repository. */
	public static final String CONNECTORS = "kafka-connect/connectors";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final PlatformSettings settings;

	private final Processes processes;

	public ConnectWorker(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * Starts the worker. The connectors' files read the database's address, user and
	 * password from its environment ({@code ${env:...}}), so the same file serves every
	 * place the worker runs.
	 * @param worker the worker's instance
	 */
	public void start(Instance worker) {
		Path lib = this.settings.root().resolve("kafka-connect/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new PlatformException(lib + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xms128m", "-Xmx" + worker.heap(),
				"-XX:+UseSerialGC", Processes.MARKER + worker.name(), "-Dlog4j2.configurationFile=" + log4jConfig()));
		if (this.settings.secure()) {
			command.add("-Djava.security.auth.login.config=" + writeRestLogin());
		}
		command.addAll(List.of("-cp", lib + "/*", "org.apache.kafka.connect.cli.ConnectDistributed",
				writeConfig(worker).toString()));
		// the warehouse's owner, the only database it may reach
		Map<String, String> environment = Map.of("PIZZA_WAREHOUSE_URL",
				"jdbc:postgresql://localhost:" + this.settings.postgresPort() + "/warehouse", "PIZZA_WAREHOUSE_USER",
				worker.name(), "PIZZA_WAREHOUSE_PASSWORD", this.settings.databaseLogins().password(worker.name()));
		this.processes.start(worker, command, environment);
	}

	/**
	 * The worker's configuration: distributed mode, its internal topics replicated three
	 * times like the system's, JSON values with their schema, environment variables as a
	 * config provider.
	 * @param worker the worker's instance
	 * @return its {@code worker.properties}, in order
	 */
	public Map<String, String> config(Instance worker) {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("bootstrap.servers", this.settings.bootstrapServers());
		config.put("group.id", "pizza-connect");
		config.put("config.storage.topic", "pizza-connect-configs");
		config.put("offset.storage.topic", "pizza-connect-offsets");
		config.put("status.storage.topic", "pizza-connect-status");
		config.put("config.storage.replication.factor", "3");
		config.put("offset.storage.replication.factor", "3");
		config.put("status.storage.replication.factor", "3");
		config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
		config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
		config.put("value.converter.schemas.enable", "true");
		config.put("offset.flush.interval.ms", "2000");
		config.put("listeners", "http://localhost:" + worker.port());
		config.put("rest.advertised.host.name", "localhost");
		config.put("rest.advertised.port", String.valueOf(worker.port()));
		config.put("plugin.path", this.settings.root().resolve("kafka-connect/target/plugins").toString());
		// every plugin here declares itself for the ServiceLoader: no scanning of every
		// jar
		config.put("plugin.discovery", "service_load");
		config.put("config.providers", "env");
		config.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
		if (this.settings.secure()) {
			// the worker's own clients, the connectors' producers and consumers, and the
			// admin client that makes dead-letter topics: all with the worker's
			// certificate
			Map<String, String> tls = this.settings.tls().clientSettings("kafka-connect");
			for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
				tls.forEach((key, value) -> config.put(prefix + key, value));
			}
			// and its REST API, which makes and deletes connectors, asks for a user and
			// password (a JAAS login, see writeRestLogin)
			config.put("rest.extension.classes",
					"org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension");
		}
		return config;
	}

	/**
	 * Whether the worker's REST API answers.
	 * @param worker the worker's instance
	 * @return {@code UP}, or {@code -} when it does not answer
	 */
	public String health(Instance worker) {
		try {
			return (get(worker, "/").statusCode() == 200) ? "UP" : "-";
		}
		catch (PlatformException ex) {
			return "-";
		}
	}

	/**
	 * Creates, or updates, every connector of {@code kafka-connect/connectors/}, and
	 * restarts its failed tasks.
	 * @param worker the worker's instance
	 * @param onlyChanged leave the connectors the worker already has with the file's
	 * configuration as they are
	 * @return the names of the connectors created or updated
	 */
	public List<String> apply(Instance worker, boolean onlyChanged) {
		List<String> existing = names(worker);
		List<String> applied = new ArrayList<>();
		for (Path file : connectorFiles()) {
			JsonNode connector = read(file);
			String name = connector.get("name").asString();
			if (onlyChanged && existing.contains(name) && sameConfig(worker, name, connector.get("config"))) {
				continue;
			}
			HttpRequest request = HttpRequest
				.newBuilder(uri(worker, "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/config"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(connector.get("config"))))
				.build();
			HttpResponse<String> response = send(request);
			if (response.statusCode() != 200 && response.statusCode() != 201) {
				throw new PlatformException("Kafka Connect refused " + file.getFileName() + " (HTTP "
						+ response.statusCode() + "): " + response.body());
			}
			restartFailed(worker, name);
			applied.add(name);
		}
		return applied;
	}

	/**
	 * Restarts the failed tasks of every connector the worker has: a task that failed
	 * (its database away, say) stays failed until restarted, and reads on from its last
	 * committed offset.
	 * @param worker the worker's instance
	 */
	public void restartFailed(Instance worker) {
		names(worker).forEach((name) -> restartFailed(worker, name));
	}

	private void restartFailed(Instance worker, String name) {
		send(HttpRequest
			.newBuilder(uri(worker,
					"/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
							+ "/restart?includeTasks=true&onlyFailed=true"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/**
	 * Every connector the worker has, with its state and its tasks' states.
	 * @param worker the worker's instance
	 * @return the connectors, by name
	 */
	public List<ConnectorStatus> connectors(Instance worker) {
		HttpResponse<String> answer = get(worker, "/connectors?expand=status");
		if (answer.statusCode() != 200) {
			throw new PlatformException(
					"Kafka Connect cannot tell yet (HTTP " + answer.statusCode() + "): " + answer.body());
		}
		JsonNode all = json.readTree(answer.body());
		List<ConnectorStatus> connectors = new ArrayList<>();
		for (var entry : all.properties()) {
			JsonNode status = entry.getValue().get("status");
			List<String> tasks = new ArrayList<>();
			for (JsonNode task : status.get("tasks")) {
				tasks.add(task.get("state").asString());
			}
			connectors.add(new ConnectorStatus(entry.getKey(), status.get("connector").get("state").asString(), tasks,
					status.get("type").asString()));
		}
		return connectors;
	}

	// the connectors the worker has, once it has joined its group and read its configs:
	// until then its REST API answers, but with an error (409 while it rebalances)
	// the worker keeps a connector's configuration as it was given, with its name added
	private boolean sameConfig(Instance worker, String name, JsonNode config) {
		HttpResponse<String> answer = get(worker,
				"/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/config");
		if (answer.statusCode() != 200) {
			return false;
		}
		JsonNode stored = json.readTree(answer.body());
		Map<String, String> wanted = new TreeMap<>();
		config.properties().forEach((entry) -> wanted.put(entry.getKey(), entry.getValue().asString()));
		wanted.put("name", name);
		Map<String, String> has = new TreeMap<>();
		stored.properties().forEach((entry) -> has.put(entry.getKey(), entry.getValue().asString()));
		return wanted.equals(has);
	}

	private List<String> names(Instance worker) {
		AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
		Polling.until(READY_TIMEOUT, Duration.ofMillis(500),
				() -> answer.updateAndGet((previous) -> get(worker, "/connectors")).statusCode() == 200,
				() -> "Kafka Connect is not ready after " + READY_TIMEOUT.toSeconds() + " s (HTTP "
						+ answer.get().statusCode() + "): " + answer.get().body());
		List<String> names = new ArrayList<>();
		json.readTree(answer.get().body()).forEach((name) -> names.add(name.asString()));
		return names;
	}

	private List<Path> connectorFiles() {
		Path folder = this.settings.root().resolve(CONNECTORS);
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new PlatformException("Could not read " + folder + ": " + ex.getMessage(), ex);
		}
	}

	private static JsonNode read(Path file) {
		try {
			JsonNode connector = json.readTree(Files.readString(file));
			if (!connector.hasNonNull("name") || !connector.path("config").isObject()) {
				throw new PlatformException(file + " is no connector: it needs a \"name\" and a \"config\" object");
			}
			return connector;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> get(Instance worker, String path) {
		return send(HttpRequest.newBuilder(uri(worker, path)).timeout(Duration.ofSeconds(5)).build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		HttpRequest authorized = request;
		if (this.settings.secure()) {
			authorized = HttpRequest.newBuilder(request, (name, value) -> true)
				.header("Authorization", this.settings.tls().connectRestAuthorization())
				.build();
		}
		try {
			return http.send(authorized, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException("Kafka Connect does not answer at " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private static URI uri(Instance worker, String path) {
		return URI.create("http://localhost:" + worker.port() + path);
	}

	private Path writeConfig(Instance worker) {
		return StateFiles.writeProperties(connectDir().resolve("worker.properties"), config(worker));
	}

	// the realm is KafkaConnect; the users and passwords are in the secure mode's folder
	private Path writeRestLogin() {
		return StateFiles.writeText(connectDir().resolve("rest-jaas.conf"),
				"KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule "
						+ "required file=\"" + this.settings.tls().connectRestUsers() + "\";\n};\n");
	}

	private Path log4jConfig() {
		return StateFiles.copyResource("/connect-log4j2.properties", connectDir().resolve("log4j2.properties"));
	}

	private Path connectDir() {
		return this.settings.stateDir().resolve("connect");
	}

	/**
	 * A connector and how it runs.
	 *
	 * @param name its name
	 * @param state the connector's state ({@code RUNNING}, {@code FAILED}, ...)
	 * @param tasks each task's state
	 * @param type {@code sink} or {@code source}
	 */
	public record ConnectorStatus(String name, String state, List<String> tasks, String type) {
	}

}
