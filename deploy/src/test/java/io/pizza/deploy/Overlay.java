package io.pizza.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An overlay of {@code kubernetes/} as {@code kubectl kustomize} renders it: the objects
 * a cluster would be given.
 */
record Overlay(String name, List<JsonNode> objects) {

	static final Path KUBERNETES = Path.of("kubernetes").toAbsolutePath();

	static final List<String> NAMES = List.of("small", "large");

	private static final Map<String, Overlay> rendered = new ConcurrentHashMap<>();

	static Overlay of(String name) {
		return rendered.computeIfAbsent(name, Overlay::render);
	}

	List<JsonNode> ofKind(String kind) {
		return this.objects.stream().filter((object) -> object.path("kind").asString().equals(kind)).toList();
	}

	JsonNode named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> object.path("metadata").path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + this.name));
	}

	/**
	 * How many objects of each kind.
	 * @return the counts, by kind
	 */
	Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>();
		this.objects.forEach((object) -> counts.merge(object.path("kind").asString(), 1, Integer::sum));
		return counts;
	}

	private static Overlay render(String name) {
		try {
			Process kubectl = new ProcessBuilder("kubectl", "kustomize",
					KUBERNETES.resolve("overlays").resolve(name).toString())
				.redirectErrorStream(true)
				.start();
			String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
				throw new AssertionError("kubectl kustomize overlays/" + name + " failed:\n" + yaml);
			}
			List<JsonNode> objects = new YAMLMapper().readerFor(JsonNode.class)
				.<JsonNode>readValues(yaml)
				.readAll()
				.stream()
				.filter((object) -> !object.isNull() && !object.isMissingNode())
				.toList();
			return new Overlay(name, objects);
		}
		catch (IOException ex) {
			throw new AssertionError("kubectl is needed to render the overlays (README)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
