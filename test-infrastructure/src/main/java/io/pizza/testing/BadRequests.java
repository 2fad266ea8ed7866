package io.pizza.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of requests no service may accept, made from one request it does accept: each
 * field of the wrong type, missing, too long or holding what no text should; the body cut
 * short at every few characters, or not JSON at all, or not UTF-8, or too large; the
 * wrong media type, the wrong method, paths the server must refuse. A service's test
 * sends them all and expects a {@code 4xx} problem detail for each, and nothing done.
 */
public final class BadRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final String LONE_SURROGATE = "half-of-a-surrogate-pair";

	/**
	 * One request of the corpus.
	 *
	 * @param name what is wrong with it
	 * @param method the HTTP method
	 * @param contentType its {@code Content-Type}, or {@code null} for none
	 */
	public record BadRequest(String name, String method, String path, String contentType, byte[] body) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private BadRequests() {
	}

	/**
	 * The corpus made from a request the service accepts.
	 * @param path where it is sent, with {@code POST}
	 * @param valid its JSON body
	 * @param optional the fields that may be missing or {@code null} (by name, anywhere)
	 * @param largerThanLimit a size past the service's request-size limit
	 * @return the requests, at least a couple of hundred for any body of a few fields
	 */
	public static List<BadRequest> of(String path, String valid, Set<String> optional, int largerThanLimit) {
		JsonNode body = json.readTree(valid);
		List<BadRequest> corpus = new ArrayList<>();
		JsonFields.each(body, "", (field) -> mutate(path, body, field, optional, corpus));
		String text = json.writeValueAsString(body);
		int step = Math.max(1, text.length() / 120);
		for (int end = 0; end < text.length() - 1; end += step) {
			corpus.add(post("cut short at " + end, path, "application/json", text.substring(0, end)));
			// a NUL is JSON nowhere, not even in a string unescaped
			corpus.add(post("cut short at " + end + " by a NUL", path, "application/json",
					text.substring(0, end) + "\u0000"));
		}
		for (String notAnObject : List.of("", " ", "null", "0", "\"order\"", "[" + text + "]", "{}", text + "}",
				text + " trailing", "{\"a\":", "<order/>", "\u0000")) {
			corpus.add(post("body " + abbreviate(notAnObject), path, "application/json", notAnObject));
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		byte[] latin = text.replaceFirst("\"([^\"]*)\"", "\"$1\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
		corpus.add(new BadRequest("not UTF-8 (Latin-1)", "POST", path, "application/json", latin));
		byte[] broken = bytes.clone();
		broken[text.indexOf('"', 2) - 1] = (byte) 0xff;
		corpus.add(new BadRequest("an invalid UTF-8 byte", "POST", path, "application/json", broken));
		corpus.add(post("larger than the limit", path, "application/json",
				text.substring(0, text.length() - 1) + ",\"padding\":\"" + "x".repeat(largerThanLimit) + "\"}"));
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/octet-stream")) {
			corpus.add(post("sent as " + type, path, type, text));
		}
		corpus.add(new BadRequest("no content type", "POST", path, null, bytes));
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			corpus.add(new BadRequest(method + " instead of POST", method, path, "application/json", bytes));
		}
		for (String wrongPath : List.of(path + "/%00", path + "%2F..%2F", path + "/..;/x",
				path + "/" + "a".repeat(9000), path + "/%c0%ae%c0%ae/x")) {
			corpus.add(post("path " + abbreviate(wrongPath), wrongPath, "application/json", text));
		}
		return corpus;
	}

	/**
	 * Sends every request of a corpus and fails unless each is answered {@code 4xx} with
	 * a problem detail.
	 * @param service the service's address, such as {@code http://localhost:8080}
	 * @param corpus the requests
	 * @param authorization the {@code Authorization} header sent with each, or
	 * {@code null}
	 * @throws Exception if a request cannot be sent
	 */
	public static void allRefused(String service, List<BadRequest> corpus, String authorization) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<String> accepted = new ArrayList<>();
		for (BadRequest request : corpus) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service + request.path()))
				.timeout(Duration.ofSeconds(10))
				.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
			if (request.contentType() != null) {
				builder.header("Content-Type", request.contentType());
			}
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String type = answer.headers().firstValue("Content-Type").orElse("none");
			if (answer.statusCode() / 100 != 4 || !type.startsWith("application/problem+json")) {
				accepted
					.add(request.name().replaceAll("[^\\x20-\\x7e]", "?") + ": " + answer.statusCode() + " " + type);
			}
		}
		assertThat(accepted).as("bad requests not refused with a 4xx problem detail").isEmpty();
	}

	private static void mutate(String path, JsonNode body, String field, Set<String> optional,
			List<BadRequest> corpus) {
		JsonNode original = JsonFields.at(body, field);
		List<JsonNode> replacements = new ArrayList<>(List.of(nodes.arrayNode(), nodes.objectNode()));
		if (!original.isString()) {
			replacements.addAll(List.of(nodes.stringNode("1"), nodes.stringNode("")));
		}
		if (!original.isNumber()) {
			replacements.addAll(List.of(nodes.numberNode(0), nodes.numberNode(1.5)));
		}
		if (!original.isBoolean()) {
			replacements.add(nodes.booleanNode(true));
		}
		if (original.isNumber()) {
			replacements.addAll(List.of(nodes.numberNode(1e300), nodes.numberNode(-1e300)));
		}
		if (original.isString()) {
			replacements.addAll(List.of(nodes.stringNode("x".repeat(1000)), nodes.stringNode("a\u0000b"),
					nodes.stringNode(" "), nodes.stringNode(LONE_SURROGATE)));
		}
		boolean canBeMissing = optional.contains(JsonFields.name(field));
		if (!canBeMissing) {
			replacements.add(nodes.nullNode());
		}
		for (JsonNode replacement : replacements) {
			if (replacement.isArray() && original.isArray() || replacement.isObject() && original.isObject()) {
				continue;
			}
			JsonNode copy = body.deepCopy();
			JsonFields.set(copy, field, replacement);
			// half a UTF-16 pair only survives as JSON's escape: UTF-8 cannot carry it
			corpus.add(post(field + " = " + abbreviate(replacement.toString()), path, "application/json",
					json.writeValueAsString(copy).replace(LONE_SURROGATE, "\\ud800")));
		}
		if (!canBeMissing && !field.endsWith("]")) {
			JsonNode copy = body.deepCopy();
			JsonFields.remove(copy, field);
			corpus.add(post(field + " missing", path, "application/json", json.writeValueAsString(copy)));
		}
	}

	private static BadRequest post(String name, String path, String contentType, String body) {
		return new BadRequest(name, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
		return (printable.length() > 40) ? printable.substring(0, 40) + "..." : printable;
	}

}
