package io.pizza.delivery.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, a kitchen far ahead of the couriers: a status partition hands them
 * two orders at a time, pauses its reading while it has two open (the rest wait in the
 * log), resumes as they are delivered, and every order is delivered once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"delivery-tracker-service.instance-id=tracker-held-back", "delivery-tracker-service.positions-topic.replicas=1",
		"delivery-tracker-service.courier.interval=200ms", "delivery-tracker-service.courier.trip=2s",
		"delivery-tracker-service.deliveries-per-partition=2", "spring.kafka.consumer.auto-offset-reset=earliest" })
@Import({ RealKafka.class, PizzaTopics.class })
class HeldBackDeliveriesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TopicPartition STATUS_0 = new TopicPartition("pizza-order-status", 0);

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void aPartitionWithAsManyDeliveriesOpenAsItMayPausesAndEveryOrderIsDeliveredOnce() {
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		List<UUID> orders = new ArrayList<>();
		while (orders.size() < 7) {
			UUID orderId = UUID.randomUUID();
			if (Utils.toPositive(Utils.murmur2(orderId.toString().getBytes(StandardCharsets.UTF_8))) % 6 == 0) {
				orders.add(orderId);
				kitchen.orderPlaced(orderId, "Marios Pizza", "Via Larga " + orders.size() + ", Milano");
			}
		}
		orders.forEach(kitchen::baked);
		MessageListenerContainer dispatch = this.listeners.getListenerContainer("dispatch");
		await().atMost(Duration.ofSeconds(20)).until(() -> dispatch.isPartitionPaused(STATUS_0));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<String[]> changes = statusChanges();
			orders.forEach((orderId) -> assertThat(changes).filteredOn((change) -> change[0].equals(orderId.toString()))
				.extracting((change) -> change[1])
				.containsExactly("BAKED", "OUT_FOR_DELIVERY", "DELIVERED"));
		});
		assertThat(mostOnTheRoadAtOnce(statusChanges())).isEqualTo(2);
		await().until(() -> !dispatch.isPartitionPaused(STATUS_0));
	}

	// read in the partition's order: a courier leaves, then says it delivered
	private static int mostOnTheRoadAtOnce(List<String[]> changes) {
		Map<String, Integer> onTheRoad = new HashMap<>();
		int most = 0;
		for (String[] change : changes) {
			if (change[1].equals("OUT_FOR_DELIVERY")) {
				onTheRoad.put(change[0], 1);
			}
			else if (change[1].equals("DELIVERED")) {
				onTheRoad.remove(change[0]);
			}
			most = Math.max(most, onTheRoad.size());
		}
		return most;
	}

	private List<String[]> statusChanges() {
		List<String[]> changes = new ArrayList<>();
		for (ConsumerRecord<String, String> record : TopicContents.readAll(bootstrapServers(), "pizza-order-status")) {
			if (record.partition() == 0) {
				JsonNode change = json.readTree(record.value());
				changes.add(new String[] { record.key(), change.get("status").asString() });
			}
		}
		return changes;
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
