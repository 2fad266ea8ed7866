package io.pizza.order.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * A consumer of no group (each instance reads everything) of every partition of the
 * placements topic from its start, with the service's Kafka settings; it waits out a
 * topic or a leader not known yet.
 */
final class PlacementsConsumer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PlacementsConsumer.class);

	private final Consumer<String, byte[]> consumer;

	private final String topic;

	private final String instance;

	PlacementsConsumer(ConsumerFactory<?, ?> factory, OrderServiceProperties properties) {
		Map<String, Object> config = new HashMap<>(factory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.instanceId() + "-placements");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// a claim is read back as soon as it is on the brokers
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.topic = properties.placementsTopic().name();
		this.instance = properties.instanceId();
	}

	/**
	 * Takes every partition of the topic, from its start, once the topic is known.
	 * @return the partitions
	 */
	List<TopicPartition> assignAll() {
		while (true) {
			try {
				List<TopicPartition> partitions = this.consumer.partitionsFor(this.topic, Duration.ofSeconds(10))
					.stream()
					.map((info) -> new TopicPartition(this.topic, info.partition()))
					.toList();
				this.consumer.assign(partitions);
				this.consumer.seekToBeginning(partitions);
				return partitions;
			}
			catch (TimeoutException ex) {
				log.warn("[{}] {} not found yet: {}", this.instance, this.topic, ex.getMessage());
			}
		}
	}

	/**
	 * Where the partitions end now, once their leaders say.
	 * @param running whether to go on asking
	 * @return the end of each, or null when stopped before they said
	 */
	@Nullable Map<Integer, Long> ends(List<TopicPartition> partitions, BooleanSupplier running) {
		while (running.getAsBoolean()) {
			try {
				Map<Integer, Long> ends = new HashMap<>();
				this.consumer.endOffsets(partitions, Duration.ofSeconds(10))
					.forEach((partition, end) -> ends.put(partition.partition(), end));
				return ends;
			}
			catch (TimeoutException ex) {
				log.warn("[{}] placements' ends not known yet: {}", this.instance, ex.getMessage());
			}
		}
		return null;
	}

	ConsumerRecords<String, byte[]> poll(Duration timeout) {
		return this.consumer.poll(timeout);
	}

	/**
	 * The next offset to read of each partition whose leader has said.
	 * @return those positions known
	 */
	Map<Integer, Long> positions(List<TopicPartition> partitions) {
		Map<Integer, Long> positions = new HashMap<>();
		for (TopicPartition partition : partitions) {
			try {
				positions.put(partition.partition(), this.consumer.position(partition, Duration.ZERO));
			}
			catch (TimeoutException ex) {
				// its leader has not said yet: the last position known stands
			}
		}
		return positions;
	}

	void wakeup() {
		this.consumer.wakeup();
	}

	@Override
	public void close() {
		this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
	}

}
