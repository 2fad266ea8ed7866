package io.pizza.bench.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The size of the records Kafka's ceiling is measured with: the orders' own, read from
 * the end of the orders topic by a consumer of no group.
 */
final class MeanOrderSize {

	private MeanOrderSize() {
	}

	/**
	 * The mean size of an order as the orders topic holds it: the values of its last
	 * records, up to {@code sample} of them.
	 * @param client the brokers, and in secure mode TLS with the admin's certificate
	 * @param sample how many records to look at, at most
	 * @return the mean value size in bytes, if the topic holds any order
	 */
	static Optional<Integer> of(Map<String, Object> client, int sample) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS)
				.stream()
				.map((info) -> new TopicPartition(Topics.ORDERS, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
			long perPartition = Math.max(1, sample / partitions.size());
			long wanted = 0;
			for (TopicPartition partition : partitions) {
				long from = Math.max(starts.get(partition), ends.get(partition) - perPartition);
				consumer.seek(partition, from);
				wanted += ends.get(partition) - from;
			}
			long bytes = 0;
			long records = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (records < wanted && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null) {
						bytes += record.value().length;
						records++;
					}
				}
			}
			return (records == 0) ? Optional.empty() : Optional.of((int) (bytes / records));
		}
	}

}
