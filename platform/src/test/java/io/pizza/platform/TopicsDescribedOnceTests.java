package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pizza.platform.kafka.TopicSpec;
import io.pizza.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each topic is described once, by the platform's {@link Topics} (which
 * {@code docker/create-topics.sh} is checked against too): every topic a service declares
 * for itself, and docs/topology.md's table of topics, say what it says.
 */
class TopicsDescribedOnceTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> SERVICES = List.of("order-service", "pizza-maker-service", "billing-service",
			"delivery-tracker-service", "dashboard");

	private static final Pattern TABLE_ROW = Pattern
		.compile("^\\| `([^`]+)` \\| (\\d+) \\| (\\d+) \\| (\\d+) (hours?|days?)( or (\\d+) MiB per partition)? \\|");

	@Test
	void everyTopicAServiceDeclaresIsAsThePlatformCreatesIt() throws IOException {
		List<Declared> declared = new ArrayList<>();
		for (String service : SERVICES) {
			Iterable<Object> documents = new Yaml()
				.loadAll(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
			documents.forEach((document) -> collect(service, document, declared));
		}
		// each topic declared by the one service that owns it
		assertThat(declared).extracting(Declared::name)
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
		for (Declared topic : declared) {
			assertThat(described(topic.name())).as(topic.service() + " declares " + topic.name())
				.extracting(TopicSpec::partitions, TopicSpec::replicationFactor,
						(spec) -> spec.configs().get("retention.ms"), (spec) -> spec.configs().get("retention.bytes"))
				.containsExactly(topic.partitions(), topic.replicas(), topic.retentionMillis(), topic.retentionBytes());
		}
	}

	@Test
	void theReadmesTableOfTopicsIsThePlatforms() throws IOException {
		Map<String, TopicSpec> rows = new LinkedHashMap<>();
		try (Stream<String> lines = Files.lines(ROOT.resolve("docs/topology.md"))) {
			lines.map(TABLE_ROW::matcher).filter(Matcher::find).forEach((row) -> {
				Duration retention = row.group(5).startsWith("hour") ? Duration.ofHours(Long.parseLong(row.group(4)))
						: Duration.ofDays(Long.parseLong(row.group(4)));
				Map<String, String> configs = new LinkedHashMap<>();
				configs.put("retention.ms", String.valueOf(retention.toMillis()));
				if (row.group(7) != null) {
					configs.put("retention.bytes", String.valueOf(Long.parseLong(row.group(7)) * 1024 * 1024));
				}
				rows.put(row.group(1), new TopicSpec(row.group(1), Integer.parseInt(row.group(2)),
						Short.parseShort(row.group(3)), configs));
			});
		}
		assertThat(rows.keySet())
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
		for (TopicSpec row : rows.values()) {
			TopicSpec spec = described(row.name());
			assertThat(row.partitions()).as(row.name()).isEqualTo(spec.partitions());
			assertThat(row.replicationFactor()).as(row.name()).isEqualTo(spec.replicationFactor());
			row.configs().forEach((key, value) -> assertThat(spec.configs()).as(row.name()).containsEntry(key, value));
			assertThat(spec.configs().keySet()).as(row.name())
				.filteredOn((key) -> key.startsWith("retention."))
				.containsExactlyInAnyOrderElementsOf(row.configs().keySet());
		}
	}

	private static TopicSpec described(String name) {
		return Topics.all()
			.stream()
			.filter((spec) -> spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not one of the platform's topics"));
	}

	// every map with a name, partitions and replicas, anywhere in a service's settings
	@SuppressWarnings("unchecked")
	private static void collect(String service, Object node, List<Declared> declared) {
		if (node instanceof Map<?, ?> map) {
			if (map.containsKey("name") && map.containsKey("partitions") && map.containsKey("replicas")) {
				declared.add(new Declared(service, (String) map.get("name"), (Integer) map.get("partitions"),
						((Integer) map.get("replicas")).shortValue(), millis((String) map.get("retention")),
						(map.get("retention-bytes") != null) ? String.valueOf(map.get("retention-bytes")) : null));
			}
			((Map<String, Object>) map).values().forEach((value) -> collect(service, value, declared));
		}
	}

	private static String millis(String duration) {
		Matcher matcher = Pattern.compile("(\\d+)([dhm])").matcher(duration);
		assertThat(matcher.matches()).as(duration).isTrue();
		long amount = Long.parseLong(matcher.group(1));
		Duration parsed = switch (matcher.group(2)) {
			case "d" -> Duration.ofDays(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofMinutes(amount);
		};
		return String.valueOf(parsed.toMillis());
	}

	record Declared(String service, String name, int partitions, short replicas, String retentionMillis,
			String retentionBytes) {
	}

}
