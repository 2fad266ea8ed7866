package io.pizza.deploy;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object each overlay renders keeps its kind's schema: Kubernetes' own for the
 * built-in kinds, the operators' CRDs for theirs; an object of any other kind fails.
 */
class SchemaTests {

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyBuiltInObjectKeepsKubernetesSchema(String name) {
		List<JsonNode> builtIn = Overlay.of(name).objects().stream().filter(KubernetesSchemas::isBuiltIn).toList();
		assertThat(builtIn).isNotEmpty();
		assertThat(problems(builtIn, KubernetesSchemas::problem)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyStrimziObjectKeepsItsCrd(String name) {
		List<JsonNode> strimzi = of(name, StrimziSchemas.GROUP);
		assertThat(strimzi).isNotEmpty();
		assertThat(problems(strimzi, StrimziSchemas::problem)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void everyCloudNativePgObjectKeepsItsCrd(String name) {
		List<JsonNode> postgres = of(name, CloudNativePgSchemas.GROUP);
		assertThat(postgres).isNotEmpty();
		assertThat(CloudNativePgSchemas.problems(postgres)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "small", "large" })
	void noObjectIsOfAnotherKind(String name) {
		assertThat(Overlay.of(name).objects()).allSatisfy((object) -> assertThat(KubernetesSchemas.isBuiltIn(object)
				|| object.path("apiVersion").asString().startsWith(StrimziSchemas.GROUP)
				|| object.path("apiVersion").asString().startsWith(CloudNativePgSchemas.GROUP))
			.as(label(object))
			.isTrue());
	}

	@Test
	void theSchemasRefuseWhatTheClusterWouldNot() {
		ObjectNode deployment = (ObjectNode) Overlay.of("small").named("Deployment", "zipkin").deepCopy();
		((ObjectNode) deployment.get("spec")).put("replica", 1);
		assertThat(KubernetesSchemas.problem(deployment))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("replica"));
		ObjectNode pool = (ObjectNode) Overlay.of("small").named("KafkaNodePool", "brokers").deepCopy();
		((ObjectNode) pool.get("spec")).putArray("roles").add("zookeeper");
		assertThat(StrimziSchemas.problem(pool)).isPresent();
		((ObjectNode) pool.get("spec")).putArray("roles").add("broker");
		((ObjectNode) pool.get("spec")).put("replica", 3);
		assertThat(StrimziSchemas.problem(pool)).isPresent();
		ObjectNode cluster = (ObjectNode) Overlay.of("small").named("Cluster", "orders-db").deepCopy();
		((ObjectNode) cluster.get("spec")).put("instances", "three");
		assertThat(CloudNativePgSchemas.problems(List.of(cluster)))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("instances"));
	}

	private static List<String> problems(List<JsonNode> objects, Function<JsonNode, Optional<String>> check) {
		return objects.stream()
			.flatMap((object) -> check.apply(object).map((problem) -> label(object) + ": " + problem).stream())
			.toList();
	}

	private static List<JsonNode> of(String overlay, String group) {
		return Overlay.of(overlay)
			.objects()
			.stream()
			.filter((object) -> object.path("apiVersion").asString().startsWith(group))
			.toList();
	}

	private static String label(JsonNode object) {
		return object.path("kind").asString() + " " + object.path("metadata").path("name").asString();
	}

}
