package io.pizza.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The instances and ports of the platform, from defaults, the settings file and
 * overrides.
 */
class PlatformSettingsTests {

	@TempDir
	Path root;

	@Test
	void defaultsPutEachInstanceOnItsDocumentedPort() {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		assertThat(settings.instances()).extracting(Instance::name, Instance::port)
			.containsExactly(tuple("kafka-1", 9092), tuple("kafka-2", 9093), tuple("kafka-3", 9094),
					tuple("postgres", 5432), tuple("order-service", 8080), tuple("pizza-maker-1", 8081),
					tuple("pizza-maker-2", 8082), tuple("billing-service", 8083),
					tuple("delivery-tracker-service", 8084), tuple("dashboard", 8085), tuple("kafka-connect", 8086),
					tuple("zipkin", 9411));
		assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092,localhost:9093,localhost:9094");
		assertThat(settings.stateDir()).isEqualTo(this.root.toAbsolutePath().resolve(".pizza"));
	}

	@Test
	void withTracingOffNoZipkinServerRuns() {
		Properties off = new Properties();
		off.setProperty("tracing", Modes.TRACING_OFF);
		PlatformSettings settings = PlatformSettings.load(this.root, off);
		assertThat(settings.modes().tracing()).isFalse();
		assertThat(settings.instances()).extracting(Instance::name).doesNotContain("zipkin").contains("kafka-connect");
		assertThat(settings.instance("zipkin")).isPresent();
	}

	@Test
	void theSettingsFileDocumentsEachDefaultAsItIs() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = PlatformSettings.class.getResourceAsStream("defaults.properties")) {
			defaults.load(in);
		}
		Properties documented = new Properties();
		String commentedOut = Files.readAllLines(Path.of("..").resolve(PlatformSettings.FILE))
			.stream()
			.filter((line) -> line.matches("#[a-z0-9.-]+=.*"))
			.map((line) -> line.substring(1))
			.collect(Collectors.joining("\n"));
		documented.load(new StringReader(commentedOut));
		assertThat(defaults).isNotEmpty();
		defaults.forEach((key, value) -> assertThat(documented.getProperty((String) key))
			.as("%s in %s", key, PlatformSettings.FILE)
			.isEqualTo(value));
	}

	@Test
	void theReadmesTableOfServicesGivesEachInstanceItsDefaultPort() throws IOException {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		// | order-service | 8080 | ... and | pizza-maker-1, pizza-maker-2 | 8081, 8082 |
		// ...
		Pattern row = Pattern.compile("^\\| ([a-z0-9, -]+) \\| (\\d+(?:, \\d+)*) \\|");
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("..").resolve("docs/topology.md"))) {
			Matcher matcher = row.matcher(line);
			if (matcher.find()) {
				String[] names = matcher.group(1).split(", ");
				String[] numbers = matcher.group(2).split(", ");
				assertThat(numbers).as(line).hasSameSizeAs(names);
				for (int i = 0; i < names.length; i++) {
					ports.put(names[i], Integer.valueOf(numbers[i]));
				}
			}
		}
		assertThat(ports.keySet()).containsExactlyInAnyOrderElementsOf(settings.services()
			.stream()
			.map(Instance::name)
			.collect(Collectors.toCollection(() -> new ArrayList<>(List.of(settings.connect().name())))));
		ports
			.forEach((name, port) -> assertThat(settings.instance(name).orElseThrow().port()).as(name).isEqualTo(port));
	}

	@Test
	void keepsTheModeUpLastRecordedUntilTold() {
		assertThat(PlatformSettings.load(this.root, new Properties()).modes().secure()).isFalse();
		Properties secure = new Properties();
		secure.setProperty("mode", "secure");
		PlatformSettings.load(this.root, secure).modes().record();
		PlatformSettings later = PlatformSettings.load(this.root, new Properties());
		assertThat(later.modes().secure()).isTrue();
		assertThat(later.kafkaClient()).containsEntry("security.protocol", "SSL")
			.containsEntry("ssl.keystore.location", later.stateDir().resolve("tls/admin/admin.pem").toString());
		Properties plaintext = new Properties();
		plaintext.setProperty("mode", "plaintext");
		assertThat(PlatformSettings.load(this.root, plaintext).kafkaClient()).containsOnlyKeys("bootstrap.servers");
	}

	@Test
	void keepsTheKitchenUpLastRecordedUntilTold() {
		assertThat(PlatformSettings.load(this.root, new Properties()).modes().queueKitchen()).isFalse();
		Properties queue = new Properties();
		queue.setProperty("kitchen", "queue");
		PlatformSettings.load(this.root, queue).modes().recordKitchen();
		assertThat(PlatformSettings.load(this.root, new Properties()).modes().queueKitchen()).isTrue();
		Properties group = new Properties();
		group.setProperty("kitchen", "group");
		assertThat(PlatformSettings.load(this.root, group).modes().queueKitchen()).isFalse();
		Properties unknown = new Properties();
		unknown.setProperty("kitchen", "buffet");
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> PlatformSettings.load(this.root, unknown).modes().queueKitchen())
			.withMessageContaining("Unknown kitchen 'buffet': group or queue");
	}

	@Test
	void refusesAnUnknownMode() {
		Properties overrides = new Properties();
		overrides.setProperty("mode", "tls");
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> PlatformSettings.load(this.root, overrides).modes().secure())
			.withMessageContaining("Unknown mode 'tls'");
	}

	@Test
	void furtherMakersRunTheMakerModuleOnTheirOwnPort() {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		Instance third = settings.instance("pizza-maker-3").orElseThrow();
		assertThat(third.module()).isEqualTo("pizza-maker-service");
		assertThat(third.port()).isEqualTo(8093);
		assertThat(settings.instance("pizza-maker-1").orElseThrow().port()).isEqualTo(8081);
	}

	@Test
	void unknownNamesAreNotInstances() {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		assertThat(settings.instance("pizza-oven")).isEmpty();
		assertThat(settings.instance("kafka-4")).isEmpty();
		assertThat(settings.instanceNames()).contains("kafka-1", "postgres", "pizza-maker-N");
	}

	@Test
	void theFileAndThenOverridesChangePortsAndHeaps() throws IOException {
		Files.writeString(this.root.resolve(PlatformSettings.FILE),
				"order-service.port=18080\nservice.heap=192m\nkafka.ports=19092,19093,19094\n");
		Properties overrides = new Properties();
		overrides.setProperty("order-service.port", "28080");
		PlatformSettings settings = PlatformSettings.load(this.root, overrides);
		Instance orders = settings.instance("order-service").orElseThrow();
		assertThat(orders.port()).isEqualTo(28080);
		assertThat(settings.instance("billing-service").orElseThrow().heap()).isEqualTo("192m");
		assertThat(orders.heap()).as("order-service's own default wins").isEqualTo("512m");
		assertThat(settings.bootstrapServers()).isEqualTo("localhost:19092,localhost:19093,localhost:19094");
	}

	@Test
	void servicesStartFastButTheIntakeRunsForThroughput() {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		assertThat(settings.launchOptions().jvmOptions(settings.instance("billing-service").orElseThrow()))
			.contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
		assertThat(settings.launchOptions().jvmOptions(settings.instance("order-service").orElseThrow()))
			.contains("-XX:+UseParallelGC")
			.doesNotContain("-XX:TieredStopAtLevel=1");
	}

	@Test
	void kafkaNodesHaveOptionsOfTheirOwnAndEachNodeCanOverrideThem() {
		Properties overrides = new Properties();
		overrides.setProperty("kafka-2.jvm-options", "-XX:+UseSerialGC");
		PlatformSettings settings = PlatformSettings.load(this.root, overrides);
		assertThat(settings.launchOptions().jvmOptions(settings.instance("kafka-1").orElseThrow()))
			.containsExactly("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
		assertThat(settings.launchOptions().jvmOptions(settings.instance("kafka-2").orElseThrow()))
			.containsExactly("-XX:+UseSerialGC");
	}

	@Test
	void servicesTakeExtraEnvironmentForAllOrForOne() {
		Properties overrides = new Properties();
		overrides.setProperty("service.env.JAVA_TOOL_OPTIONS", "-Dx=1");
		overrides.setProperty("pizza-maker-1.env.SPRING_PROFILES_ACTIVE", "classic-protocol");
		PlatformSettings settings = PlatformSettings.load(this.root, overrides);
		assertThat(settings.launchOptions().environment(settings.instance("pizza-maker-1").orElseThrow()))
			.containsEntry("SPRING_PROFILES_ACTIVE", "classic-protocol")
			.containsEntry("JAVA_TOOL_OPTIONS", "-Dx=1");
		assertThat(settings.launchOptions().environment(settings.instance("pizza-maker-2").orElseThrow()))
			.doesNotContainKey("SPRING_PROFILES_ACTIVE");
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
