package io.pizza.maker.kitchen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pizza.maker.config.PizzaMakerProperties;
import io.pizza.support.records.Replayed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the kitchen may bake an order sent back from a dead-letter topic: only one sent
 * back for the makers' own group (the consumer group or the share group), never baked
 * before. The status topic is the kitchen's durable memory: an order's {@code BAKING}
 * lies on the partition of its id, after the order was placed, so that stretch of one
 * partition says whether any maker ever baked it, however long ago the makers' window of
 * recent orders forgot it. An order older than the status topic keeps cannot be told so:
 * it is not baked (a pizza that old is no pizza to bake).
 */
@Component
class BakedBefore {

	/** Clocks and the producer's own timestamps differ by this much at most. */
	private static final Duration SKEW = Duration.ofMinutes(1);

	/** Well within the makers' transaction timeout. */
	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Object> consumerConfig;

	private final String group;

	private final PizzaMakerProperties properties;

	BakedBefore(ConsumerFactory<?, ?> consumers, KafkaProperties kafka, PizzaMakerProperties properties) {
		Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG,
				config.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "maker") + "-baked-before");
		this.consumerConfig = Map.copyOf(config);
		this.group = kafka.getConsumer().getGroupId();
		this.properties = properties;
	}

	/**
	 * Why a record sent back from a dead-letter topic is not to be baked, if it is not.
	 * @param order the order it holds
	 * @return the reason to skip it; empty for a record that is no replay, or a replay to
	 * bake
	 */
	Optional<String> skip(ConsumerRecord<String, byte[]> record, OrderPlaced order) {
		if (!Replayed.isReplay(record)) {
			return Optional.empty();
		}
		// the kitchen's either way: sent back for the makers' consumer group or their
		// share group
		Optional<String> other = Replayed.forAnother(record, this.group)
			.filter((group) -> !group.equals(this.properties.queue().group()));
		if (other.isPresent()) {
			return Optional.of("sent back for " + other.get() + ", handled here the first time");
		}
		Instant kept = Instant.now().minus(this.properties.statusTopic().retention());
		if (order.placedAt().isBefore(kept)) {
			return Optional.of("placed " + order.placedAt() + ", before what " + this.properties.statusTopic().name()
					+ " keeps: too old to tell whether it was baked");
		}
		return baked(order).map((where) -> "baked before (" + where + ")");
	}

	/**
	 * Whether any maker began baking an order, read from the status topic.
	 * @return where its {@code BAKING} lies, if it does
	 */
	Optional<String> baked(OrderPlaced order) {
		String topic = this.properties.statusTopic().name();
		String key = order.orderId().toString();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(this.consumerConfig)) {
			TopicPartition partition = new TopicPartition(topic, BuiltInPartitioner
				.partitionForKey(key.getBytes(StandardCharsets.UTF_8), consumer.partitionsFor(topic, PATIENCE).size()));
			consumer.assign(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), PATIENCE).get(partition);
			OffsetAndTimestamp from = consumer
				.offsetsForTimes(Map.of(partition, order.placedAt().minus(SKEW).toEpochMilli()), PATIENCE)
				.get(partition);
			consumer.seek(partition, (from != null) ? from.offset() : end);
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (consumer.position(partition, PATIENCE) < end) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(partition + " not read to its end in " + PATIENCE.toSeconds()
							+ " s: whether order " + key + " was baked is not known yet");
				}
				for (ConsumerRecord<String, String> status : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(status.key()) && isBaking(status.value())) {
						return Optional.of(status.topic() + "-" + status.partition() + "@" + status.offset());
					}
				}
			}
			return Optional.empty();
		}
	}

	private static boolean isBaking(String value) {
		try {
			JsonNode status = (value != null) ? json.readTree(value).get("status") : null;
			return status != null && "BAKING".equals(status.asString());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
