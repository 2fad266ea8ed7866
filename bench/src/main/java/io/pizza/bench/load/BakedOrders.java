package io.pizza.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code BAKED} reports on {@code pizza-order-status} from the moment it is opened
 * on: when each order was baked, and from which partition of {@code pizza-orders} it came
 * (the report's header). Read committed, as every reader of the statuses.
 */
final class BakedOrders implements AutoCloseable {

	/** The makers' header naming the partition of the order's own record (contracts/). */
	static final String ORDER_PARTITION = "order-partition";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, Baked> baked = new HashMap<>();

	BakedOrders(Map<String, Object> kafkaClient) {
		Map<String, Object> config = new HashMap<>(kafkaClient);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.ORDER_STATUS)
			.stream()
			.map((info) -> new TopicPartition(Topics.ORDER_STATUS, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	/**
	 * Reads what was reported since the last call.
	 * @return every order baked so far, by id
	 */
	Map<String, Baked> read() {
		for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
			JsonNode status = json.readTree(record.value());
			if ("BAKED".equals(status.path("status").asString())) {
				Header partition = record.headers().lastHeader(ORDER_PARTITION);
				this.baked.putIfAbsent(record.key(),
						new Baked(Instant.parse(status.get("at").asString()),
								(partition != null)
										? Integer.parseInt(new String(partition.value(), StandardCharsets.UTF_8)) : -1,
								status.path("by").asString()));
			}
		}
		return this.baked;
	}

	/**
	 * Waits until every one of the given orders is baked.
	 * @param ids the orders
	 * @param timeout the longest wait
	 * @return how many are not baked when the wait ends
	 */
	long awaitAll(Set<String> ids, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (read().keySet().containsAll(ids)) {
				return 0;
			}
		}
		return ids.stream().filter((id) -> !this.baked.containsKey(id)).collect(Collectors.counting());
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * An order baked.
	 *
	 * @param at when, as its maker says
	 * @param partition the partition of {@code pizza-orders} it came from
	 * @param by the maker
	 */
	record Baked(Instant at, int partition, String by) {
	}

}
