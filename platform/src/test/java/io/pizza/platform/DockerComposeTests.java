package io.pizza.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.connect.ConnectWorker;
import io.pizza.platform.kafka.NodeConfig;
import io.pizza.platform.kafka.TopicSpec;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.process.Processes;
import io.pizza.platform.secure.ConnectRestLogin;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.secure.ServiceSecrets;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot run without Docker, so it is checked against the
 * local platform instead: the same instances on the same ports, brokers of the clients'
 * Kafka version with the same cluster settings, the same topics, and a start in order.
 */
class DockerComposeTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static Map<String, Map<String, Object>> services;

	private static PlatformSettings settings;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void parse() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
		// the plain docker-compose.yml, whatever mode the local platform last ran in
		Properties plaintext = new Properties();
		plaintext.setProperty("mode", "plaintext");
		settings = PlatformSettings.load(ROOT, plaintext);
	}

	@Test
	void runsEveryInstanceOfThePlatformOnTheSamePort() {
		for (Instance instance : settings.instances()) {
			assertThat(services).as(instance.name()).containsKey(instance.name());
			assertThat(publishedPorts(instance.name())).as(instance.name()).contains(instance.port());
		}
	}

	@Test
	void brokersAreTheOfficialImageAtTheClientsKafkaVersion() {
		for (Instance broker : settings.brokers()) {
			assertThat(services.get(broker.name()).get("image"))
				.isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
		}
	}

	@Test
	void everyKafkaImageIsTheVersionOfThePlatformsJars() throws IOException {
		String jars = "apache/kafka:" + AppInfoParser.getVersion();
		List<String> named = new ArrayList<>();
		for (Path file : List.of(ROOT.resolve("docker-compose.yml"), ROOT.resolve("docker/kafka-connect.Dockerfile"))) {
			Matcher image = Pattern.compile("apache/kafka:[^\\s\"]+").matcher(Files.readString(file));
			while (image.find()) {
				named.add(image.group());
			}
		}
		assertThat(named).hasSizeGreaterThan(settings.brokers().size()).allMatch(jars::equals);
	}

	@Test
	void brokersShareTheLocalClusterSettings() {
		Map<String, String> local = new NodeConfig(settings).config(settings.brokers().get(0));
		for (Instance broker : settings.brokers()) {
			Map<String, String> environment = environment(broker.name());
			for (String key : NodeConfig.CLUSTER_SETTINGS.keySet()) {
				String variable = "KAFKA_" + key.toUpperCase().replace('.', '_');
				assertThat(environment).as(broker.name() + " " + variable).containsEntry(variable, local.get(key));
			}
			assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo(local.get("process.roles"));
			assertThat(environment.get("KAFKA_NODE_ID")).isEqualTo(String.valueOf(broker.nodeId()));
		}
	}

	@Test
	void createsTheSameTopicsAsThePlatform() throws IOException {
		String script = Files.readString(ROOT.resolve("docker/create-topics.sh"));
		Map<String, TopicSpec> created = new HashMap<>();
		Matcher create = Pattern
			.compile("(?m)^create --topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)(.*)$")
			.matcher(script);
		while (create.find()) {
			Map<String, String> configs = new LinkedHashMap<>();
			Matcher config = Pattern.compile("--config (\\S+)=(\\S+)").matcher(create.group(4));
			while (config.find()) {
				configs.put(config.group(1), config.group(2));
			}
			created.put(create.group(1), new TopicSpec(create.group(1), Integer.parseInt(create.group(2)),
					Short.parseShort(create.group(3)), configs));
		}
		assertThat(created.values()).containsExactlyInAnyOrderElementsOf(Topics.all());
	}

	@Test
	void publishesEveryPortOnLoopbackAlone() {
		services.forEach((name, definition) -> ports(name)
			.forEach((port) -> assertThat(port).as(name).startsWith("127.0.0.1:")));
	}

	@Test
	void givesEachDatabaseToItsServicesRoleAsThePlatformDoes() throws IOException {
		String init = Files.readString(ROOT.resolve("docker/postgres-init.sh"));
		Map<String, String> owners = new LinkedHashMap<>();
		Matcher create = Pattern.compile("(?m)^pizza_database (\\S+) (\\S+)$").matcher(init);
		while (create.find()) {
			owners.put(create.group(1), create.group(2));
		}
		assertThat(owners).isEqualTo(DatabaseLogins.owners());
		Matcher roles = Pattern.compile("(?m)^for role in (.+); do$")
			.matcher(Files.readString(ROOT.resolve("docker/make-secrets.sh")));
		assertThat(roles.find()).isTrue();
		List<String> expected = new ArrayList<>(List.of(DatabaseLogins.SUPERUSER));
		expected.addAll(DatabaseLogins.owners().values());
		assertThat(roles.group(1).split(" ")).containsExactlyElementsOf(expected);
	}

	@Test
	@SuppressWarnings("unchecked")
	void mountsEachServiceItsOwnSecretsAlone() {
		for (String role : DatabaseLogins.owners().values()) {
			assertThat(secretsMounts(role)).as(role).containsExactly(role);
		}
		for (Instance service : settings.services()) {
			assertThat(secretsMounts(service.name())).as(service.name()).containsExactly(service.module());
			Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(service.name())
				.get("depends_on");
			assertThat(dependsOn.get("secrets")).containsEntry("condition", "service_completed_successfully");
			Optional<String> database = DatabaseLogins.databaseOf(service.module());
			assertThat(environment(service.name()).get("SPRING_DATASOURCE_URL")).as(service.name())
				.isEqualTo(database.map((name) -> "jdbc:postgresql://postgres:5432/" + name).orElse(null));
		}
		assertThat(environment("kafka-connect")).containsEntry("PIZZA_WAREHOUSE_USER", "kafka-connect")
			.doesNotContainKey("PIZZA_WAREHOUSE_PASSWORD");
		assertThat(environment("postgres")).doesNotContainKey("POSTGRES_PASSWORD");
	}

	@Test
	void makesTheSameHttpUsersAsThePlatformForEveryService() throws IOException {
		String script = Files.readString(ROOT.resolve("docker/make-secrets.sh"));
		Matcher users = Pattern.compile("(?m)^for user in (.+); do$").matcher(script);
		assertThat(users.find()).isTrue();
		assertThat(users.group(1).split(" ")).containsExactlyElementsOf(
				HttpLogins.users().entrySet().stream().map((user) -> user.getKey() + ":" + user.getValue()).toList());
		Matcher folders = Pattern.compile("(?m)^for service in (.+); do$").matcher(script);
		assertThat(folders.find()).isTrue();
		assertThat(folders.group(1).split(" ")).containsExactlyInAnyOrderElementsOf(
				settings.services().stream().map(Instance::module).distinct().toList());
	}

	@Test
	void makesTheSameSharedSecretsAsThePlatform() throws IOException {
		String script = Files.readString(ROOT.resolve("docker/make-secrets.sh"));
		Matcher made = Pattern.compile("(?m)^secret /secrets/([^/\\s]+)/(\\S+) 32$").matcher(script);
		Map<String, List<String>> secrets = new LinkedHashMap<>();
		while (made.find()) {
			secrets.computeIfAbsent(made.group(1), (service) -> new ArrayList<>()).add(made.group(2));
		}
		assertThat(secrets).isEqualTo(ServiceSecrets.all());
	}

	@Test
	@SuppressWarnings("unchecked")
	void asksForTheConnectRestLoginAsThePlatformDoes() throws IOException {
		assertThat(environment("kafka-connect")).containsEntry("KAFKA_OPTS",
				"-Djava.security.auth.login.config=/etc/pizza/connect-jaas.conf");
		assertThat((List<Object>) services.get("kafka-connect").get("volumes"))
			.contains("./docker/connect-jaas.conf:/etc/pizza/connect-jaas.conf:ro");
		assertThat(Files.readString(ROOT.resolve("docker/connect-jaas.conf")))
			.contains("file=\"/run/secrets/" + ConnectRestLogin.FILE + "\"");
		assertThat(Files.readString(ROOT.resolve("docker/make-secrets.sh")))
			.contains("rest=/secrets/kafka-connect/" + ConnectRestLogin.FILE)
			.contains("'" + ConnectRestLogin.USER + ": %s\\n'");
		assertThat(environment("kafka-connect-setup")).containsEntry("CONNECT_USERS",
				"/run/secrets/" + ConnectRestLogin.FILE);
		assertThat(secretsMounts("kafka-connect-setup")).containsExactly("kafka-connect");
	}

	@Test
	void runsTheConnectWorkerWithThePlatformsSettings() throws IOException {
		Properties compose = new Properties();
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker/kafka-connect.properties"))) {
			compose.load(reader);
		}
		Map<String, String> local = new ConnectWorker(settings, new Processes(settings)).config(settings.connect());
		Set<String> where = Set.of("bootstrap.servers", "listeners", "rest.advertised.host.name", "plugin.path");
		assertThat(compose.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(local.keySet());
		local.forEach((key, value) -> {
			if (!where.contains(key)) {
				assertThat(compose.getProperty(key)).as(key).isEqualTo(value);
			}
		});
		assertThat(environment("kafka-connect")).containsKeys("PIZZA_WAREHOUSE_URL", "PIZZA_WAREHOUSE_USER");
	}

	@Test
	void tracesToAZipkinServerAsThePlatformRunsIt() throws IOException {
		Matcher version = Pattern.compile("<zipkin-server.version>(.+)</zipkin-server.version>")
			.matcher(Files.readString(ROOT.resolve("pom.xml")));
		assertThat(version.find()).isTrue();
		assertThat(services.get("zipkin").get("image")).isEqualTo("openzipkin/zipkin:" + version.group(1));
		assertThat(environment("zipkin")).containsEntry("STORAGE_TYPE", "mem")
			.containsEntry("MEM_MAX_SPANS", String.valueOf(settings.zipkinMaxSpans()));
		for (Instance service : settings.services()) {
			if (service.module().equals("dashboard")) {
				assertThat(environment(service.name())).containsEntry("DASHBOARD_TRACES",
						"http://localhost:" + settings.zipkin().port() + "/zipkin/");
			}
			else {
				assertThat(environment(service.name())).as(service.name())
					.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
							"http://zipkin:" + settings.zipkin().port() + "/api/v2/spans");
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void startsInOrderOnHealthchecks() {
		for (Instance broker : settings.brokers()) {
			assertThat(services.get(broker.name())).containsKey("healthcheck");
		}
		assertThat(services.get("postgres")).containsKey("healthcheck");
		Map<String, Map<String, String>> setup = (Map<String, Map<String, String>>) services.get("kafka-setup")
			.get("depends_on");
		settings.brokers()
			.forEach((broker) -> assertThat(setup.get(broker.name())).containsEntry("condition", "service_healthy"));
		for (Instance service : settings.services()) {
			Map<String, Object> definition = services.get(service.name());
			assertThat(definition).as(service.name()).containsKey("healthcheck");
			Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) definition
				.get("depends_on");
			assertThat(dependsOn.get("kafka-setup")).containsEntry("condition", "service_completed_successfully");
			Map<String, String> environment = environment(service.name());
			assertThat(environment).containsEntry("INSTANCE_ID", service.name())
				.containsEntry("SERVER_PORT", String.valueOf(service.port()));
			if (environment.containsKey("SPRING_DATASOURCE_URL")) {
				assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
			}
		}
	}

	private static List<Integer> publishedPorts(String service) {
		// host address, host port, container port
		return ports(service).stream().map((port) -> Integer.valueOf(port.split(":")[1])).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(String service) {
		return (List<String>) services.get(service).getOrDefault("ports", List.of());
	}

	// the subpaths of the secrets volume a service mounts
	@SuppressWarnings("unchecked")
	private static List<String> secretsMounts(String service) {
		List<Object> volumes = (List<Object>) services.get(service).getOrDefault("volumes", List.of());
		return volumes.stream()
			.filter(Map.class::isInstance)
			.map((volume) -> (Map<String, Object>) volume)
			.filter((volume) -> "secrets".equals(volume.get("source")))
			.map((volume) -> String.valueOf(((Map<String, Object>) volume.get("volume")).get("subpath")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(String service) {
		Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
		Map<String, String> strings = new HashMap<>();
		environment.forEach((key, value) -> strings.put(key, String.valueOf(value)));
		return strings;
	}

}
