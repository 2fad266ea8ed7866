package io.pizza.platform.traces;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.LocalHttp;
import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds an order's trace on the Zipkin server by the tag every service puts on the spans
 * of an order, {@code order.id}: the trace its {@code POST} began. A retry of the
 * {@code POST} with the same key has a trace of its own, of the request alone; the one
 * with the most spans is the order's journey.
 */
public final class OrderTraces {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration LOOK_BACK = Duration.ofDays(7);

	private final Instance zipkin;

	public OrderTraces(Instance zipkin) {
		this.zipkin = zipkin;
	}

	/**
	 * The order's trace.
	 * @param orderId the order
	 * @return its spans, or empty when Zipkin keeps none of them
	 */
	public Optional<List<Span>> find(UUID orderId) {
		String query = "annotationQuery=" + URLEncoder.encode("order.id=" + orderId, StandardCharsets.UTF_8)
				+ "&lookback=" + LOOK_BACK.toMillis() + "&limit=10";
		URI uri = URI.create("http://localhost:" + this.zipkin.port() + "/api/v2/traces?" + query);
		LocalHttp.Answer answer = LocalHttp.get(uri, Map.of(), Duration.ofSeconds(10))
			.orElseThrow(() -> new PlatformException("Zipkin does not answer on port " + this.zipkin.port()
					+ ": is the platform up with tracing on (./pizza up --tracing=on)?"));
		if (answer.status() != 200) {
			throw new PlatformException("Zipkin answered " + answer.status() + ": " + answer.body());
		}
		List<List<Span>> traces = new ArrayList<>();
		JSON.readTree(answer.body()).forEach((trace) -> traces.add(spans(trace)));
		return traces.stream().max(Comparator.comparingInt(List::size));
	}

	/**
	 * The address of a trace in Zipkin's pages, for a browser on this machine.
	 * @param traceId the trace
	 * @return its page
	 */
	public URI page(String traceId) {
		return URI.create("http://localhost:" + this.zipkin.port() + "/zipkin/traces/" + traceId);
	}

	static List<Span> spans(JsonNode trace) {
		List<Span> spans = new ArrayList<>();
		for (JsonNode span : trace) {
			Map<String, String> tags = new LinkedHashMap<>();
			span.path("tags").properties().forEach((tag) -> tags.put(tag.getKey(), tag.getValue().asString()));
			spans.add(new Span(span.path("traceId").asString(), span.path("id").asString(), text(span, "parentId"),
					span.path("localEndpoint").path("serviceName").asString("?"), span.path("name").asString("?"),
					text(span, "kind"), span.path("timestamp").asLong(), span.path("duration").asLong(), tags));
		}
		return spans;
	}

	private static String text(JsonNode span, String field) {
		JsonNode value = span.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

}
