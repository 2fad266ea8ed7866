package io.pizza.testing;

import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of a JSON tree by their paths ({@code customer.name},
 * {@code pizzas[0].toppings}): visited, read, replaced and removed, the first element
 * standing for an array's.
 */
final class JsonFields {

	private JsonFields() {
	}

	// every field and array element under a node, depth first, by its path (a.b[0].c)
	static void each(JsonNode node, String prefix, Consumer<String> each) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				String field = prefix.isEmpty() ? name : prefix + "." + name;
				each.accept(field);
				each(node.get(name), field, each);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			String element = prefix + "[0]";
			each.accept(element);
			each(node.get(0), element, each);
		}
	}

	static JsonNode at(JsonNode root, String field) {
		JsonNode node = root;
		for (String part : field.split("\\.")) {
			node = part.endsWith("[0]") ? node.get(part.substring(0, part.length() - 3)).get(0) : node.get(part);
		}
		return node;
	}

	static void set(JsonNode root, String field, JsonNode value) {
		int dot = field.lastIndexOf('.');
		JsonNode parent = (dot < 0) ? root : at(root, field.substring(0, dot));
		String last = field.substring(dot + 1);
		if (last.endsWith("[0]")) {
			((ArrayNode) parent.get(last.substring(0, last.length() - 3))).set(0, value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
	}

	static void remove(JsonNode root, String field) {
		int dot = field.lastIndexOf('.');
		JsonNode parent = (dot < 0) ? root : at(root, field.substring(0, dot));
		((ObjectNode) parent).remove(field.substring(dot + 1));
	}

	// a field's own name: customer.name -> name, pizzas[0].toppings -> toppings
	static String name(String field) {
		String last = field.substring(field.lastIndexOf('.') + 1);
		return last.endsWith("[0]") ? last.substring(0, last.length() - 3) + "[]" : last;
	}

}
