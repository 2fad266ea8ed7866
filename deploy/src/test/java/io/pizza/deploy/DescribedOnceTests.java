package io.pizza.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.pizza.platform.kafka.NodeConfig;
import io.pizza.platform.kafka.TopicSpec;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests say what the platform's one description says: its topics, its principals
 * and their ACLs, its brokers' settings, its databases and their owners, its services'
 * ports; an overlay sizes them, never changes them, and no overlay runs more makers than
 * the orders have partitions.
 */
class DescribedOnceTests {

	private static final PlatformSettings settings = PlatformSettings.load(Overlay.KUBERNETES.resolve("../.."),
			new Properties());

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyTopicIsThePlatformsWithAtLeastItsPartitions(String name) {
		Map<String, JsonNode> topics = new TreeMap<>();
		Overlay.of(name)
			.ofKind("KafkaTopic")
			.forEach((topic) -> topics.put(topic.at("/spec/topicName").asString(), topic));
		assertThat(topics.keySet())
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
		for (TopicSpec spec : Topics.all()) {
			JsonNode topic = topics.get(spec.name());
			assertThat(topic.at("/spec/partitions").asInt()).as(spec.name()).isGreaterThanOrEqualTo(spec.partitions());
			assertThat(topic.at("/spec/replicas").asInt()).as(spec.name()).isEqualTo(spec.replicationFactor());
			Map<String, String> config = new HashMap<>();
			topic.at("/spec/config")
				.properties()
				.forEach((entry) -> config.put(entry.getKey(), entry.getValue().asString()));
			assertThat(config).as(spec.name()).isEqualTo(spec.configs());
		}
	}

	@Test
	void theSmallClusterHasThePlatformsPartitions() {
		for (JsonNode topic : Overlay.of("small").ofKind("KafkaTopic")) {
			TopicSpec spec = Topics.all()
				.stream()
				.filter((candidate) -> candidate.name().equals(topic.at("/spec/topicName").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(topic.at("/spec/partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyPrincipalHasThePlatformsAclsAndNoMore(String name) {
		Set<String> acls = new HashSet<>();
		for (AclBinding binding : Acls.all()) {
			acls.add(binding.entry().principal().substring("User:".length()) + " " + binding.pattern().resourceType()
					+ " "
					+ ((binding.pattern().resourceType().name().equals("CLUSTER")) ? "" : binding.pattern().name())
					+ " " + binding.pattern().patternType() + " " + binding.entry().operation());
		}
		Set<String> users = new HashSet<>();
		Set<String> declared = new HashSet<>();
		for (JsonNode user : Overlay.of(name).ofKind("KafkaUser")) {
			String principal = user.at("/metadata/name").asString();
			users.add(principal);
			assertThat(user.at("/spec/authentication/type").asString()).as(principal).isEqualTo("tls");
			for (JsonNode acl : user.at("/spec/authorization/acls")) {
				JsonNode resource = acl.path("resource");
				for (JsonNode operation : acl.path("operations")) {
					declared.add(principal + " " + snake(resource.path("type").asString()) + " "
							+ resource.path("name").asString("") + " "
							+ (resource.path("patternType").asString("literal").equals("prefix") ? "PREFIXED"
									: "LITERAL")
							+ " " + snake(operation.asString()));
				}
			}
		}
		assertThat(users).containsExactlyInAnyOrderElementsOf(
				TlsMaterial.CLIENTS.stream().filter((client) -> !TlsMaterial.ADMINS.contains(client)).toList());
		assertThat(declared).containsExactlyInAnyOrderElementsOf(acls);
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void theBrokersRunWithThePlatformsSettings(String name) {
		JsonNode config = Overlay.of(name).named("Kafka", "pizza").at("/spec/kafka/config");
		config.properties()
			.forEach((entry) -> assertThat(entry.getValue().asString()).as(entry.getKey())
				.isEqualTo(NodeConfig.CLUSTER_SETTINGS.get(entry.getKey())));
		// all but what the platform sizes for one machine: the internal topics'
		// partitions and
		// the log cleaner's buffer
		Set<String> left = new HashSet<>(NodeConfig.CLUSTER_SETTINGS.keySet());
		config.propertyNames().forEach(left::remove);
		assertThat(left).containsExactlyInAnyOrder("offsets.topic.num.partitions",
				"transaction.state.log.num.partitions", "log.cleaner.dedupe.buffer.size");
		assertThat(Overlay.of(name).named("Kafka", "pizza").at("/spec/kafka/version").asString())
			.isEqualTo(AppInfoParser.getVersion());
		int controllers = 0;
		int brokers = 0;
		for (JsonNode pool : Overlay.of(name).ofKind("KafkaNodePool")) {
			List<String> roles = pool.at("/spec/roles").valueStream().map(JsonNode::asString).toList();
			controllers += roles.contains("controller") ? pool.at("/spec/replicas").asInt() : 0;
			brokers += roles.contains("broker") ? pool.at("/spec/replicas").asInt() : 0;
		}
		assertThat(controllers).isEqualTo(3);
		assertThat(brokers).isGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyDatabaseIsOwnedByItsServiceAlone(String name) {
		Map<String, String> owners = new TreeMap<>();
		for (JsonNode cluster : Overlay.of(name).ofKind("Cluster")) {
			owners.put(cluster.at("/spec/bootstrap/initdb/database").asString(),
					cluster.at("/spec/bootstrap/initdb/owner").asString());
			assertThat(cluster.at("/spec/instances").asInt()).as("a standby to fail over to").isGreaterThanOrEqualTo(2);
		}
		assertThat(owners).isEqualTo(new TreeMap<>(DatabaseLogins.owners()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyServiceListensOnItsPortAndGoesGracefully(String name) {
		Overlay overlay = Overlay.of(name);
		Map<String, Instance> firstOfEach = new TreeMap<>();
		settings.services().forEach((service) -> firstOfEach.putIfAbsent(service.module(), service));
		for (Instance service : firstOfEach.values()) {
			JsonNode workload = workload(overlay, service.module());
			JsonNode container = workload.at("/spec/template/spec/containers/0");
			assertThat(container.at("/ports/0/containerPort").asInt()).as(service.module()).isEqualTo(service.port());
			assertThat(overlay.named("Service", service.module()).at("/spec/ports/0/port").asInt())
				.isEqualTo(service.port());
			assertThat(env(container)).as(service.module())
				.containsEntry("SERVER_PORT", String.valueOf(service.port()));
			assertThat(container.has("readinessProbe") && container.has("livenessProbe")).as(service.module()).isTrue();
			assertThat(container.at("/resources/limits/memory").asString()).as(service.module()).isNotEmpty();
			assertThat(Duration.ofSeconds(workload.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()))
				.as(service.module())
				.isGreaterThan(Duration.ofSeconds(30));
			assertThat(overlay.named("PodDisruptionBudget", service.module()).at("/spec/maxUnavailable").asInt())
				.isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void noMoreMakersThanTheOrdersHavePartitions(String name) {
		Overlay overlay = Overlay.of(name);
		int makers = overlay.named("StatefulSet", "pizza-maker-service").at("/spec/replicas").asInt();
		int partitions = overlay.named("KafkaTopic", "pizza-orders").at("/spec/partitions").asInt();
		assertThat(makers).isBetween(2, partitions);
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyServiceFindsItsCertificateDatabaseAndBrokersByTheirNames(String name) {
		Overlay overlay = Overlay.of(name);
		JsonNode kafka = overlay.named("Kafka", "pizza");
		String bootstrap = "pizza-kafka-bootstrap:" + kafka.at("/spec/kafka/listeners/0/port").asInt();
		for (String module : new TreeSet<>(settings.services().stream().map(Instance::module).toList())) {
			JsonNode pod = workload(overlay, module).at("/spec/template/spec");
			Map<String, String> env = env(pod.at("/containers/0"));
			assertThat(env).as(module)
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap)
				.containsEntry("SPRING_PROFILES_ACTIVE", "secure");
			// the secure profile reads <name>.crt, <name>.key and ca.crt
			// (service-defaults.yml)
			assertThat(projected(pod, "tls")).as(module)
				.containsExactlyInAnyOrder(
						overlay.named("KafkaUser", module).at("/metadata/name").asString() + " user.crt " + module
								+ ".crt",
						module + " user.key " + module + ".key", "pizza-cluster-ca-cert ca.crt ca.crt");
			Optional<String> database = DatabaseLogins.databaseOf(module);
			if (database.isPresent()) {
				JsonNode cluster = overlay.ofKind("Cluster")
					.stream()
					.filter((candidate) -> candidate.at("/spec/bootstrap/initdb/database")
						.asString()
						.equals(database.get()))
					.findFirst()
					.orElseThrow();
				String clusterName = cluster.at("/metadata/name").asString();
				assertThat(env).as(module)
					.containsEntry("SPRING_DATASOURCE_URL",
							"jdbc:postgresql://" + clusterName + "-rw:5432/" + database.get());
				assertThat(projected(pod, "secrets")).as(module)
					.contains(clusterName + "-app password postgres.password", module + "-secrets");
			}
			else {
				assertThat(env).as(module).doesNotContainKey("SPRING_DATASOURCE_URL");
			}
		}
	}

	@Test
	void theMakersNamesStartTheirTransactionalIds() {
		String prefix = Acls.all()
			.stream()
			.filter((binding) -> binding.pattern().resourceType().name().equals("TRANSACTIONAL_ID"))
			.map((binding) -> binding.pattern().name())
			.findFirst()
			.orElseThrow();
		// a maker's transactional ids start with its instance id, its pod's name
		assertThat(Overlay.of("small").named("StatefulSet", Instance.MAKERS).at("/metadata/name").asString())
			.startsWith(prefix);
	}

	// each source of a projected volume: "secret key path", or the secret alone when
	// whole
	private static List<String> projected(JsonNode pod, String volume) {
		List<String> sources = new ArrayList<>();
		for (JsonNode candidate : pod.path("volumes")) {
			if (candidate.path("name").asString().equals(volume)) {
				for (JsonNode source : candidate.at("/projected/sources")) {
					String secret = source.at("/secret/name").asString();
					if (source.at("/secret/items").isMissingNode()) {
						sources.add(secret);
					}
					source.at("/secret/items")
						.forEach((item) -> sources
							.add(secret + " " + item.path("key").asString() + " " + item.path("path").asString()));
				}
			}
		}
		return sources;
	}

	private static JsonNode workload(Overlay overlay, String module) {
		return overlay.ofKind("Deployment")
			.stream()
			.filter((object) -> object.at("/metadata/name").asString().equals(module))
			.findFirst()
			.orElseGet(() -> overlay.named("StatefulSet", module));
	}

	private static Map<String, String> env(JsonNode container) {
		Map<String, String> env = new HashMap<>();
		container.path("env")
			.forEach((variable) -> env.put(variable.path("name").asString(), variable.path("value").asString()));
		return env;
	}

	// transactionalId as TRANSACTIONAL_ID, AlterConfigs as ALTER_CONFIGS
	private static String snake(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
	}

}
