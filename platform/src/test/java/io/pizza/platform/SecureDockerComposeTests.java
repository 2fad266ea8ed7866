package io.pizza.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.connect.ConnectWorker;
import io.pizza.platform.kafka.NodeConfig;
import io.pizza.platform.process.Processes;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.secure.yml, which docker compose cannot run here, checked against
 * {@code ./pizza up --secure}: the brokers' TLS and authorizer settings, the ACLs, the
 * services' secure profile and certificates, the Connect worker's settings.
 */
class SecureDockerComposeTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final String MOUNTED = "/etc/pizza/tls";

	private static Map<String, Map<String, Object>> services;

	private static PlatformSettings settings;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void parse() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.secure.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
		Properties secure = new Properties();
		secure.setProperty("mode", "secure");
		settings = PlatformSettings.load(ROOT, secure);
	}

	@Test
	void brokersRunTheSecureModesTlsAndAuthorizer() {
		for (Instance broker : settings.brokers()) {
			Map<String, String> local = new NodeConfig(settings).config(broker);
			Map<String, String> environment = environment(broker.name());
			Map<String, String> tls = settings.secrets()
				.tls()
				.brokerSettings(broker.name(), settings.brokers().stream().map(Instance::name).toList());
			for (String key : tls.keySet()) {
				String variable = "KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
				assertThat(environment).as(broker.name() + " " + variable)
					.containsEntry(variable, inContainer(broker.name(), local.get(key)));
			}
			assertThat(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
				.isEqualTo("INTERNAL:SSL,EXTERNAL:SSL,CONTROLLER:SSL");
			assertThat(volumes(broker.name())).contains(ownFolder(broker.name()),
					"./.pizza/tls/" + broker.name() + "/" + broker.name() + ".pem:/etc/pizza/self.pem:ro");
			assertThat(healthcheck(broker.name())).contains("--command-config /etc/pizza/broker.properties");
		}
	}

	@Test
	void theAdminsClientSettingsAreThePlatformsInTheContainer() throws IOException {
		Properties admin = properties("docker/secure/admin.properties");
		Map<String, String> local = settings.secrets().tls().clientSettings(TlsMaterial.ADMIN);
		assertThat(admin.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(local.keySet());
		local.forEach((key, value) -> assertThat(admin.getProperty(key)).as(key)
			.isEqualTo(inContainer(TlsMaterial.ADMIN, value)));
		assertThat(environment("kafka-setup")).containsEntry("KAFKA_CLIENT_CONFIG", "/etc/pizza/admin.properties");
		assertThat(volumes("kafka-setup")).contains(ownFolder(TlsMaterial.ADMIN),
				"./docker/secure/admin.properties:/etc/pizza/admin.properties:ro");
	}

	@Test
	void theSetupCreatesTheSameAclsAsThePlatform() throws IOException {
		List<AclBinding> created = new ArrayList<>();
		Matcher acl = Pattern.compile(
				"(?m)^acl (\\S+) --operation (\\w+) (?:--(topic|group|transactional-id) (\\S+)|--cluster)( --resource-pattern-type prefixed)?$")
			.matcher(Files.readString(ROOT.resolve("docker/create-acls.sh")));
		while (acl.find()) {
			// --cluster names the one cluster, kafka-cluster; a quoted '*' is every name
			ResourceType type = (acl.group(3) != null) ? ResourceType.fromString(acl.group(3).replace("-", "_"))
					: ResourceType.CLUSTER;
			PatternType pattern = (acl.group(5) != null) ? PatternType.PREFIXED : PatternType.LITERAL;
			String name = (acl.group(4) != null) ? acl.group(4).replace("'", "") : "kafka-cluster";
			created.add(new AclBinding(new ResourcePattern(type, name, pattern),
					new AccessControlEntry("User:" + acl.group(1), "*",
							AclOperation.fromString(acl.group(2).replaceAll("([a-z])([A-Z])", "$1_$2")),
							AclPermissionType.ALLOW)));
		}
		assertThat(created).containsExactlyInAnyOrderElementsOf(Acls.all());
	}

	@Test
	void servicesRunTheirSecureProfileWithACertificateOfTheirOwn() throws IOException {
		// the secure profile of every service's defaults names the certificate by the
		// service's name, its principal
		assertThat(Files.readString(ROOT.resolve("service-support/src/main/resources/service-defaults.yml")))
			.contains("file:${PIZZA_TLS_DIR}/${spring.application.name}.crt");
		Pattern principal = Pattern.compile("\n  application:\n    name: ([a-z-]+)\n");
		for (Instance service : settings.services()) {
			assertThat(environment(service.name())).as(service.name())
				.containsEntry("SPRING_PROFILES_ACTIVE", "secure")
				.containsEntry("PIZZA_TLS_DIR", MOUNTED);
			assertThat(volumes(service.name())).as(service.name())
				.contains(ownFolder(service.module()))
				.allSatisfy((volume) -> assertThat(volume).doesNotContain(".pizza/tls:", ".pizza/tls/ca"));
			String yml = Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.yml"));
			Matcher named = principal.matcher(yml);
			assertThat(named.find()).as(service.module()).isTrue();
			// the principal whose folder the service is given, its certificate in it
			assertThat(named.group(1)).isEqualTo(service.module()).isIn(TlsMaterial.CLIENTS);
		}
	}

	@Test
	void theConnectWorkerHasThePlatformsSecureSettings() throws IOException {
		Properties compose = properties("docker/kafka-connect-secure.properties");
		Map<String, String> local = new ConnectWorker(settings, new Processes(settings)).config(settings.connect());
		Set<String> where = Set.of("bootstrap.servers", "listeners", "rest.advertised.host.name", "plugin.path");
		assertThat(compose.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(local.keySet());
		local.forEach((key, value) -> {
			if (!where.contains(key)) {
				assertThat(compose.getProperty(key)).as(key).isEqualTo(inContainer("kafka-connect", value));
			}
		});
		assertThat(volumes("kafka-connect")).containsExactly(ownFolder("kafka-connect"),
				"./docker/kafka-connect-secure.properties:/opt/kafka-connect/worker.properties:ro");
	}

	// a path in a principal's own folder of the local platform as its container sees it
	private static String inContainer(String principal, String value) {
		return value.replace(settings.secrets().tls().folder(principal).toString(), MOUNTED);
	}

	// a principal's own folder, mounted read-only: no other key, not the CA's
	private static String ownFolder(String principal) {
		return "./.pizza/tls/" + principal + ":" + MOUNTED + ":ro";
	}

	private static Properties properties(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
			properties.load(reader);
		}
		return properties;
	}

	@SuppressWarnings("unchecked")
	private static List<String> volumes(String service) {
		return (List<String>) services.get(service).get("volumes");
	}

	@SuppressWarnings("unchecked")
	private static String healthcheck(String service) {
		Map<String, Object> healthcheck = (Map<String, Object>) services.get(service).get("healthcheck");
		return String.join(" ", (List<String>) healthcheck.get("test"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(String service) {
		Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
		Map<String, String> strings = new HashMap<>();
		// compose reads $$ as $
		environment.forEach((key, value) -> strings.put(key, String.valueOf(value).replace("$$", "$")));
		return strings;
	}

}
