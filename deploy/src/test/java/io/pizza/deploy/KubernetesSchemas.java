package io.pizza.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Kubernetes' own schemas of its built-in kinds, as the official Java client generates
 * its models from Kubernetes' OpenAPI: each model checks a JSON object for fields it does
 * not know, required ones missing and nested objects of the wrong shape.
 */
final class KubernetesSchemas {

	private KubernetesSchemas() {
	}

	static boolean isBuiltIn(JsonNode object) {
		String group = object.path("apiVersion").asString();
		return !group.contains(".") || group.contains(".k8s.io/");
	}

	/**
	 * Checks a built-in object.
	 * @param object an object of a built-in kind
	 * @return what is wrong with it, if anything
	 */
	static Optional<String> problem(JsonNode object) {
		String version = object.path("apiVersion").asString();
		String kind = object.path("kind").asString();
		try {
			Class<?> model = Class.forName("io.kubernetes.client.openapi.models."
					+ capitalized(version.substring(version.indexOf('/') + 1)) + kind);
			Method validate = model.getMethod("validateJsonElement", JsonElement.class);
			validate.invoke(null, JsonParser.parseString(object.toString()));
			return Optional.empty();
		}
		catch (ClassNotFoundException | NoSuchMethodException ex) {
			return Optional.of("no schema of " + version + " " + kind);
		}
		catch (InvocationTargetException ex) {
			return Optional.of(ex.getCause().getMessage());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String capitalized(String version) {
		return Character.toUpperCase(version.charAt(0)) + version.substring(1);
	}

}
