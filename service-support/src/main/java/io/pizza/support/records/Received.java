package io.pizza.support.records;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A record of a batch listener's poll, as the listener's parameter type asks for it
 * ({@code List<Received<OrderPlaced>>}): its value read as that type, or why it could not
 * be. The listener decides what an unreadable record means (a dead letter, a line in the
 * log), and the record comes as it was written, to be dead-lettered untouched.
 *
 * @param <T> the type the listener reads the value as
 * @param record the record as it came
 * @param value its value, {@code null} when it could not be read
 * @param failure why it could not be read, {@code null} when it was
 */
public record Received<T>(ConsumerRecord<String, byte[]> record, @Nullable T value, @Nullable Exception failure) {

	/**
	 * The record's partition.
	 * @return its topic and partition
	 */
	public TopicPartition partition() {
		return new TopicPartition(this.record.topic(), this.record.partition());
	}

	/**
	 * The record's offset.
	 * @return its offset in its partition
	 */
	public long offset() {
		return this.record.offset();
	}

	/**
	 * Where the record is, as every listener's log line gives it.
	 * @return such as {@code pizza-orders-3@1042}
	 */
	public String where() {
		return this.record.topic() + "-" + this.record.partition() + "@" + this.record.offset();
	}

}
