package io.pizza.system;

import java.util.List;

import io.pizza.platform.traces.Span;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's trace as the tests read it: the spans of a service, of a kind, on a topic,
 * and whose child each one is.
 *
 * @param spans the trace's spans
 */
record Journey(List<Span> spans) {

	/** The tag of a producer span's topic. */
	private static final String DESTINATION = "messaging.destination.name";

	/**
	 * The one span of a service that is of a kind and on a topic.
	 * @param kind {@code SERVER}, {@code PRODUCER} or {@code CONSUMER}
	 * @param topic the topic, {@code null} for a span of no topic
	 * @return the span
	 */
	Span one(String service, String kind, String topic) {
		List<Span> found = all(service, kind, topic);
		assertThat(found).as("%s %s span on %s in %s", service, kind, topic, this.spans).hasSize(1);
		return found.get(0);
	}

	List<Span> all(String service, String kind, String topic) {
		return this.spans.stream()
			.filter((span) -> span.service().equals(service) && kind.equals(span.kind()))
			.filter((span) -> topic == null || topic.equals(span.tags().get("messaging.source.name"))
					|| topic.equals(span.tags().get(DESTINATION)))
			.toList();
	}

	/**
	 * Asserts that a span's parent is the one given.
	 * @param child the span
	 */
	void childOf(Span child, Span parent) {
		assertThat(child.parentId()).as("parent of %s", child).isEqualTo(parent.id());
	}

}
