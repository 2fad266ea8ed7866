package io.pizza.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What a dead-letter record's headers say of its source, in the two forms found here:
 * Spring Kafka's {@code DeadLetterPublishingRecoverer} (the services:
 * {@code kafka_dlt-*}, partition and offset as binary numbers) and Kafka Connect's
 * dead-letter queue ({@code __connect.errors.*}, all as text).
 */
final class DeadLetterHeaders {

	private static final String SPRING = "kafka_dlt-";

	private static final String CONNECT = "__connect.errors.";

	/**
	 * The header a replayed record carries: the dead letter it was sent back from (the
	 * services read it as service-support's {@code Replayed.FROM}).
	 */
	static final String REPLAYED_FROM = "replayed-from";

	/**
	 * The header a replayed record carries: the consumer group it is sent back for, which
	 * alone handles it; every other group handled it the first time (service-support's
	 * {@code Replayed.FOR}).
	 */
	static final String REPLAYED_FOR = "replayed-for";

	private DeadLetterHeaders() {
	}

	static DeadLetter read(ConsumerRecord<byte[], byte[]> record) {
		Headers headers = record.headers();
		String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : "";
		Instant at = Instant.ofEpochMilli(record.timestamp());
		if (headers.lastHeader(SPRING + "original-topic") != null) {
			return new DeadLetter(record.topic(), record.partition(), record.offset(), key,
					text(headers, SPRING + "original-topic").orElse("?"),
					number(headers, SPRING + "original-partition").map(Long::intValue).orElse(-1),
					number(headers, SPRING + "original-offset").orElse(-1L),
					text(headers, SPRING + "original-consumer-group").orElse("?"),
					reason(text(headers, SPRING + "exception-cause-fqcn")
						.or(() -> text(headers, SPRING + "exception-fqcn")),
							text(headers, SPRING + "exception-message")),
					at, record);
		}
		return new DeadLetter(record.topic(), record.partition(), record.offset(), key,
				text(headers, CONNECT + "topic").orElse("?"),
				text(headers, CONNECT + "partition").map(Integer::parseInt).orElse(-1),
				text(headers, CONNECT + "offset").map(Long::parseLong).orElse(-1L),
				text(headers, CONNECT + "connector.name").map((connector) -> "connect-" + connector).orElse("?"),
				reason(text(headers, CONNECT + "exception.class.name"), text(headers, CONNECT + "exception.message")),
				at, record);
	}

	/**
	 * Whether a header was put there by the dead-lettering, not by the record's producer.
	 * @return whether a replay leaves it out
	 */
	static boolean isDeadLettering(Header header) {
		return header.key().startsWith(SPRING) || header.key().startsWith(CONNECT);
	}

	private static String reason(Optional<String> type, Optional<String> message) {
		String simpleType = type.map((name) -> name.substring(name.lastIndexOf('.') + 1)).orElse("");
		String firstLine = message.flatMap((text) -> text.lines().findFirst()).orElse("");
		return simpleType.isEmpty() ? firstLine : simpleType + ": " + firstLine;
	}

	private static Optional<String> text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null)
				? Optional.of(new String(header.value(), StandardCharsets.UTF_8)) : Optional.empty();
	}

	// Spring Kafka writes the partition as 4 bytes and the offset as 8
	private static Optional<Long> number(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null) {
			return Optional.empty();
		}
		ByteBuffer bytes = ByteBuffer.wrap(header.value());
		return switch (header.value().length) {
			case 4 -> Optional.of((long) bytes.getInt());
			case 8 -> Optional.of(bytes.getLong());
			default -> Optional.empty();
		};
	}

}
