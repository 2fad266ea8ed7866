package io.pizza.platform.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The Kafka Connect worker: one JVM of {@code ConnectDistributed} from the jars of the
 * {@code kafka-connect} module, in distributed mode on the shared cluster (its configs,
 * offsets and statuses in topics of its own), the connectors of
 * {@code kafka-connect/target/plugins} on its plugin path, and its REST API on its own
 * port. Its connectors are {@link Connectors}' to make and watch.
 */
public final class ConnectWorker {

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
	 */
	public void start(Instance worker) {
		Path lib = this.settings.root().resolve("kafka-connect/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new PlatformException(lib + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>(List.of(CommandLines.java()));
		command.addAll(worker.heapOptions());
		command.addAll(List.of("-XX:+UseSerialGC", CommandLines.MARKER + worker.name(),
				"-Dlog4j2.configurationFile=" + log4jConfig(),
				"-Djava.security.auth.login.config=" + writeRestLogin()));
		command.addAll(List.of("-cp", lib + "/*", "org.apache.kafka.connect.cli.ConnectDistributed",
				writeConfig(worker).toString()));
		// the warehouse's owner, the only database it may reach
		NetworkTopology network = NetworkTopology.of(this.settings);
		Map<String, String> environment = Map.of("PIZZA_WAREHOUSE_URL",
				"jdbc:postgresql://" + network.host(this.settings.postgres()) + ":" + this.settings.postgresPort()
						+ "/warehouse",
				"PIZZA_WAREHOUSE_USER", worker.name(), "PIZZA_WAREHOUSE_PASSWORD",
				this.settings.secrets().databaseLogins().password(worker.name()));
		this.processes.start(worker, network.wrap(worker, command), environment);
	}

	/**
	 * The worker's configuration: distributed mode, its internal topics replicated three
	 * times like the system's, JSON values with their schema, its REST API behind a
	 * login, and the environment as a config provider of the warehouse's settings alone.
	 * @return its {@code worker.properties}, in order
	 */
	public Map<String, String> config(Instance worker) {
		Map<String, String> config = new LinkedHashMap<>();
		NetworkTopology network = NetworkTopology.of(this.settings);
		config.put("bootstrap.servers", network.bootstrapServers());
		config.put("group.id", "pizza-connect");
		config.put("config.storage.topic", "pizza-connect-configs");
		config.put("offset.storage.topic", "pizza-connect-offsets");
		config.put("status.storage.topic", "pizza-connect-status");
		// a sink keeps its offsets in its consumer group: Connect's own offsets topic
		// serves source connectors only, and its default 25 partitions would cost the
		// brokers' replication for nothing
		config.put("offset.storage.partitions", "1");
		config.put("status.storage.partitions", "1");
		config.put("config.storage.replication.factor", "3");
		config.put("offset.storage.replication.factor", "3");
		config.put("status.storage.replication.factor", "3");
		config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
		config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
		config.put("value.converter.schemas.enable", "true");
		config.put("offset.flush.interval.ms", "2000");
		config.put("listeners", "http://" + network.host(worker) + ":" + worker.port());
		config.put("rest.advertised.host.name", network.host(worker));
		config.put("rest.advertised.port", String.valueOf(worker.port()));
		config.put("plugin.path", this.settings.root().resolve("kafka-connect/target/plugins").toString());
		// every plugin here declares itself for the ServiceLoader: no scanning of every
		// jar
		config.put("plugin.discovery", "service_load");
		// the connectors' files read the warehouse's address, user and password from the
		// environment, and nothing else of it: a connector made through the REST API
		// cannot read the rest of the worker's environment
		config.put("config.providers", "env");
		config.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
		config.put("config.providers.env.param.allowlist.pattern", "PIZZA_WAREHOUSE_.*");
		// the REST API, which makes and deletes connectors and shows their
		// configurations, asks for a user and password in every mode (a JAAS login, see
		// writeRestLogin)
		config.put("rest.extension.classes",
				"org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension");
		if (this.settings.modes().secure()) {
			// the worker's own clients, the connectors' producers and consumers, and the
			// admin client that makes dead-letter topics: all with the worker's
			// certificate
			Map<String, String> tls = this.settings.secrets().tls().clientSettings("kafka-connect");
			for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
				tls.forEach((key, value) -> config.put(prefix + key, value));
			}
		}
		return config;
	}

	private Path writeConfig(Instance worker) {
		return StateFiles.writeProperties(connectDir().resolve("worker.properties"), config(worker));
	}

	// the realm is KafkaConnect; the users and passwords are in the worker's secrets
	private Path writeRestLogin() {
		return StateFiles.writeText(connectDir().resolve("rest-jaas.conf"),
				"KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule "
						+ "required file=\"" + this.settings.secrets().connectRestLogin().users() + "\";\n};\n");
	}

	private Path log4jConfig() {
		return StateFiles.copyResource("/connect-log4j2.properties", connectDir().resolve("log4j2.properties"));
	}

	private Path connectDir() {
		return this.settings.stateDir().resolve("connect");
	}

}
