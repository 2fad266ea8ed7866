package io.pizza.platform.deadletters;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record in a dead-letter topic, and where it came from.
 *
 * @param topic the dead-letter topic
 * @param offset its offset there
 * @param key the record's key, as text
 * @param sourceTopic the topic it was read from when it failed
 * @param sourcePartition that topic's partition
 * @param sourceOffset its offset there
 * @param group the consumer group that gave up on it, {@code ?} when the dead letter does
 * not say
 * @param reason why it failed, as the consumer that gave up said
 * @param at when it was dead-lettered
 * @param record the record itself, to be sent back
 */
public record DeadLetter(String topic, int partition, long offset, String key, String sourceTopic, int sourcePartition,
		long sourceOffset, String group, String reason, Instant at, ConsumerRecord<byte[], byte[]> record) {

}
