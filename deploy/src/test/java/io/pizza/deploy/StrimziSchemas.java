package io.pizza.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Strimzi's CRD schemas, as its own build makes them: its CRD generator run on its api
 * jar (both at the version the deploy module names, copied by Maven into
 * {@code target/strimzi}). The generator is Java 21 code: run by this JVM when it is that
 * new, else by the newest JDK under {@code /usr/lib/jvm}. An object with a field its
 * schema does not list is refused (Kubernetes would drop the field without a word).
 */
final class StrimziSchemas {

	static final String GROUP = "kafka.strimzi.io/";

	private static final Path FOLDER = Path.of("target/strimzi");

	private static final Map<String, String> MODELS = Map.of("Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
			"KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "KafkaTopic",
			"io.strimzi.api.kafka.model.topic.KafkaTopic", "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

	private static Map<String, Schema> schemas;

	private StrimziSchemas() {
	}

	/**
	 * Checks a Strimzi object against its kind's schema, at the object's version.
	 * @param object an object of one of Strimzi's kinds
	 * @return what is wrong with it, if anything
	 */
	static Optional<String> problem(JsonNode object) {
		Schema schema = schemas().get(object.path("kind").asString() + "/" + version(object));
		if (schema == null) {
			return Optional.of("no schema of " + object.path("apiVersion").asString() + " " + object.path("kind"));
		}
		List<Error> errors = schema.validate(object);
		return errors.isEmpty() ? Optional.empty() : Optional.of(errors.toString());
	}

	private static String version(JsonNode object) {
		return object.path("apiVersion").asString().substring(GROUP.length());
	}

	private static synchronized Map<String, Schema> schemas() {
		if (schemas == null) {
			schemas = load(generate());
		}
		return schemas;
	}

	private static Map<String, Schema> load(Map<String, Path> crds) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
		Map<String, Schema> loaded = new HashMap<>();
		crds.forEach((kind, file) -> {
			JsonNode crd = new YAMLMapper().readTree(file.toFile());
			for (JsonNode version : crd.at("/spec/versions")) {
				JsonNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
				closed(schema);
				loaded.put(kind + "/" + version.path("name").asString(), registry.getSchema(schema));
			}
		});
		return loaded;
	}

	// an object that lists its properties takes no others, unless it says it keeps
	// unknown
	// fields (a broker's config, say)
	private static void closed(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")
					&& !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
				object.put("additionalProperties", false);
			}
			object.values().forEach(StrimziSchemas::closed);
		}
		else if (node instanceof ArrayNode array) {
			array.values().forEach(StrimziSchemas::closed);
		}
	}

	private static Map<String, Path> generate() {
		Map<String, Path> crds = new TreeMap<>();
		List<String> command = new ArrayList<>(List.of(java21().toString(), "-cp",
				FOLDER.resolve("strimzi-api.jar") + File.pathSeparator + FOLDER.resolve("strimzi-crd-generator.jar"),
				"io.strimzi.crdgenerator.CrdGenerator", "--label", "app:strimzi", "--target-kube", "1.16+",
				"--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1", "--yaml"));
		MODELS.forEach((kind, model) -> {
			Path file = FOLDER.resolve(kind + ".yaml").toAbsolutePath();
			crds.put(kind, file);
			command.add(model + "=" + file);
		});
		try {
			Process generator = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!generator.waitFor(2, TimeUnit.MINUTES) || generator.exitValue() != 0) {
				throw new AssertionError("Strimzi's CRD generator failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return crds;
	}

	private static Path java21() {
		if (Runtime.version().feature() >= 21) {
			return Path.of(System.getProperty("java.home"), "bin", "java");
		}
		try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
			return jdks.filter((jdk) -> feature(jdk) >= 21)
				.max(Comparator.comparingInt(StrimziSchemas::feature))
				.map((jdk) -> jdk.resolve("bin/java"))
				.orElseThrow(() -> new AssertionError(
						"Strimzi's CRD generator needs Java 21 or newer: none under /usr/lib/jvm"));
		}
		catch (IOException ex) {
			throw new AssertionError("Strimzi's CRD generator needs Java 21 or newer: /usr/lib/jvm unreadable", ex);
		}
	}

	// the JDK's version from its release file: JAVA_VERSION="25.0.1"
	private static int feature(Path jdk) {
		try {
			for (String line : Files.readAllLines(jdk.resolve("release"))) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					return Integer.parseInt(version.split("[.+-]")[0]);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not a JDK
		}
		return 0;
	}

}
