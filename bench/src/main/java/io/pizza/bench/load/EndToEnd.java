package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the orders a load run placed were baked and billed, as the system itself records
 * it: the {@code BAKED} events on the status topic (their {@code at}) and the bills
 * (their {@code billedAt}). Nothing is estimated.
 */
final class EndToEnd {

	private static final JsonMapper json = JsonMapper.builder().build();

	private EndToEnd() {
	}

	/**
	 * When each order was baked, read from the status topic as a {@code read_committed}
	 * consumer from the given time on.
	 * @param client the brokers, and how to reach them
	 * @param orderIds the orders to look for
	 * @param since when the first of them was placed
	 * @param timeout how long to wait for the last
	 * @return each order found, with the time its {@code BAKED} event gives
	 */
	static Map<String, Instant> baked(Map<String, Object> client, Set<String> orderIds, Instant since,
			Duration timeout) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Instant> baked = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_STATUS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(partitions.stream()
				.collect(Collectors.toMap(Function.identity(), (partition) -> since.toEpochMilli() - 1000)));
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp start = starts.get(partition);
				if (start != null) {
					consumer.seek(partition, start.offset());
				}
				else {
					consumer.seekToEnd(List.of(partition));
				}
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			while (baked.size() < orderIds.size() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (orderIds.contains(record.key())) {
						JsonNode change = json.readTree(record.value());
						if ("BAKED".equals(change.get("status").asString())) {
							baked.putIfAbsent(record.key(), Instant.parse(change.get("at").asString()));
						}
					}
				}
			}
		}
		return baked;
	}

	/**
	 * When each order was billed, as billing-service's bills say.
	 * @param billingService where billing answers
	 * @param http the client
	 * @param orderIds the orders to look for
	 * @param timeout how long to wait for the last
	 * @return each order found, with its bill's {@code billedAt}
	 */
	static Map<String, Instant> billed(URI billingService, String authorization, HttpClient http,
			Collection<String> orderIds, Duration timeout) throws InterruptedException {
		Map<String, Instant> billed = new HashMap<>();
		Set<String> missing = new HashSet<>(orderIds);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			for (String orderId : List.copyOf(missing)) {
				HttpRequest request = HttpRequest.newBuilder(billingService.resolve("/bills/" + orderId))
					.header("Authorization", authorization)
					.timeout(Duration.ofSeconds(5))
					.build();
				try {
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						billed.put(orderId, Instant.parse(json.readTree(response.body()).get("billedAt").asString()));
						missing.remove(orderId);
					}
				}
				catch (IOException ex) {
					// billing does not answer right now: try again on the next round
				}
			}
			if (!missing.isEmpty()) {
				Thread.sleep(500);
			}
		}
		return billed;
	}

}
