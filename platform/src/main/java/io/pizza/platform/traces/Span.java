package io.pizza.platform.traces;

import java.util.Map;

/**
 * One span of a trace, as Zipkin's API gives it.
 *
 * @param traceId the trace's id
 * @param id the span's id
 * @param parentId its parent's, {@code null} for the trace's root
 * @param service the service that made it
 * @param name what it was, such as {@code pizza-orders process}
 * @param kind {@code SERVER}, {@code PRODUCER}, {@code CONSUMER}, or {@code null} for
 * work within a service
 * @param startMicros when it began, in microseconds since the epoch
 * @param durationMicros how long it took
 * @param tags its tags: a Kafka hop's topic, partition and offset, the order's id
 */
public record Span(String traceId, String id, String parentId, String service, String name, String kind,
		long startMicros, long durationMicros, Map<String, String> tags) {

	/** A consumer span's topic. */
	static final String TOPIC = "messaging.source.name";

	/** A consumer span's partition. */
	static final String PARTITION = "messaging.kafka.source.partition";

	/** A consumer span's offset. */
	static final String OFFSET = "messaging.kafka.message.offset";

	/** The consumer's client id: the instance. */
	static final String CLIENT = "messaging.kafka.client_id";

	/**
	 * Where the record a consumer span handled is, as the logs write it.
	 * @return such as {@code pizza-orders-2@1234}, or {@code null} for another span
	 */
	public String record() {
		String topic = this.tags.get(TOPIC);
		String partition = this.tags.get(PARTITION);
		String offset = this.tags.get(OFFSET);
		return (topic != null && partition != null && offset != null) ? topic + "-" + partition + "@" + offset : null;
	}

	/**
	 * The instance that made it, where the span says.
	 * @return the consumer's client id, or {@code null}
	 */
	public String instance() {
		return this.tags.get(CLIENT);
	}

}
