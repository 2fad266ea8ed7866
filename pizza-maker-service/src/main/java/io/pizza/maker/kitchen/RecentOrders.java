package io.pizza.maker.kitchen;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.pizza.support.records.Replayed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The order ids this maker met lately on each of its partitions, and at which offset: how
 * it tells an order seen before (a client's retry that reached another order-service
 * instance, a record written twice) from a new one. A copy of an order lands on the same
 * partition as the original (both are keyed by its shop), so each partition's last
 * {@value #WINDOW} records are enough. When a partition comes to this maker, or its
 * position jumps (another maker had it meanwhile, a rolled-back transaction seeks back),
 * the window is read again from the partition itself, read_committed, up to the record in
 * hand: the log is the memory, and nothing is lost with a maker. A dead letter sent back
 * for another group is no order of the kitchen's, and not in the window.
 */
@Component
class RecentOrders {

	/** How many records back of each partition an order id is recognised. */
	static final int WINDOW = 10_000;

	private static final Logger log = LoggerFactory.getLogger(RecentOrders.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Object> consumerConfig;

	private final Map<TopicPartition, Window> windows = new HashMap<>();

	private final String group;

	RecentOrders(ConsumerFactory<?, ?> consumers, KafkaProperties kafka) {
		this.group = kafka.getConsumer().getGroupId();
		Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
		// a reader of its own: no group, no commits, plain strings
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG,
				config.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "maker") + "-recent-orders");
		this.consumerConfig = Map.copyOf(config);
	}

	/**
	 * Where an order was met before on its partition, if it was.
	 * @param partition the record's partition
	 * @param offset the record's offset
	 * @return the earlier offset of the same order id
	 */
	synchronized Optional<Long> seenBefore(TopicPartition partition, long offset, UUID orderId) {
		Window window = this.windows.get(partition);
		if (window == null || window.next != offset) {
			window = read(partition, offset);
			this.windows.put(partition, window);
		}
		window.next = offset + 1;
		Long earlier = window.offsets.get(orderId);
		if (earlier != null && earlier != offset) {
			return Optional.of(earlier);
		}
		window.offsets.put(orderId, offset);
		return Optional.empty();
	}

	private Window read(TopicPartition partition, long upTo) {
		Window window = new Window();
		long started = System.nanoTime();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(this.consumerConfig)) {
			consumer.assign(List.of(partition));
			long beginning = consumer.beginningOffsets(List.of(partition)).get(partition);
			consumer.seek(partition, Math.max(beginning, upTo - WINDOW));
			while (consumer.position(partition) < upTo) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() >= upTo) {
						break;
					}
					// a dead letter sent back for another group is none of the kitchen's
					if (Replayed.forAnother(record, this.group).isPresent()) {
						continue;
					}
					orderId(record.value())
						.ifPresent((orderId) -> window.offsets.putIfAbsent(orderId, record.offset()));
				}
			}
		}
		log.info("{}: {} recent order ids read back in {} ms", partition, window.offsets.size(),
				(System.nanoTime() - started) / 1_000_000);
		return window;
	}

	private static Optional<UUID> orderId(String value) {
		try {
			JsonNode id = (value != null) ? json.readTree(value).get("orderId") : null;
			return (id != null) ? Optional.of(UUID.fromString(id.asString())) : Optional.empty();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One partition's last order ids, the oldest dropped first.
	 */
	private static final class Window {

		private long next = -1;

		private final Map<UUID, Long> offsets = new LinkedHashMap<>(1024, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
				return size() > WINDOW;
			}

		};

	}

}
