package io.pizza.support.records;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What a record sent back from a dead-letter topic ({@code ./pizza dlt replay}) says of
 * itself: the dead letter it came from ({@value #FROM}), and the consumer group it is
 * sent back for ({@value #FOR}), the one that gave up on it. Every other group of its
 * topic read the record the first time and handled it: for them a replay is a copy, to be
 * skipped whatever its age.
 */
public final class Replayed {

	/** The header naming the dead letter a replay came from. */
	public static final String FROM = "replayed-from";

	/** The header naming the consumer group a replay is sent back for. */
	public static final String FOR = "replayed-for";

	private Replayed() {
	}

	/**
	 * Whether a record was sent back from a dead-letter topic.
	 * @return whether it is a replay
	 */
	public static boolean isReplay(ConsumerRecord<?, ?> record) {
		return record.headers().lastHeader(FROM) != null;
	}

	/**
	 * The group a replay is for, when it is a replay for another group than this one.
	 * @param group this consumer's group
	 * @return the other group: this one skips the record
	 */
	public static Optional<String> forAnother(ConsumerRecord<?, ?> record, String group) {
		Header target = record.headers().lastHeader(FOR);
		if (target == null || target.value() == null) {
			return Optional.empty();
		}
		String forGroup = new String(target.value(), StandardCharsets.UTF_8);
		return forGroup.equals(group) ? Optional.empty() : Optional.of(forGroup);
	}

}
