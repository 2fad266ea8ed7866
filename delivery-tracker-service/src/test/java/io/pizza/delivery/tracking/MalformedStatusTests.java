package io.pizza.delivery.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

import static org.awaitility.Awaitility.await;

/**
 * Status records that are no status change of an order (no order id, no status) are
 * passed over, and the dispatch never commits past a delivery still open before them:
 * whoever owns the partition next, after a {@code kill -9}, reads that order again and
 * delivers it. Committing past it, as an error handler that commits what it gave up on
 * would, loses the delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "delivery-tracker-service.instance-id=tracker-malformed",
				"delivery-tracker-service.positions-topic.replicas=1",
				"delivery-tracker-service.courier.interval=200ms", "delivery-tracker-service.courier.trip=20s",
				"delivery-tracker-service.listener-retry.initial=100ms",
				"delivery-tracker-service.listener-retry.max=100ms", "delivery-tracker-service.skip-after=1s" })
@Import({ RealKafka.class, PizzaTopics.class })
class MalformedStatusTests {

	private static final int PARTITION = 2;

	private static final TopicPartition STATUS = new TopicPartition("pizza-order-status", PARTITION);

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaAdmin admin;

	@Test
	void malformedStatusesNeverLetTheDispatchCommitPastAnOpenDelivery() throws Exception {
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		UUID open = orderOnThePartition();
		kitchen.orderPlaced(open, "Marios Pizza", "Via Larga 1, Milano");
		RecordMetadata baked = kitchen.baked(open);
		kitchen.send("pizza-order-status", orderOnThePartition().toString(), "{\"orderId\":null,\"status\":\"BAKED\"}");
		kitchen.send("pizza-order-status", orderOnThePartition().toString(),
				"{\"orderId\":\"" + UUID.randomUUID() + "\",\"status\":null}");
		UUID next = orderOnThePartition();
		kitchen.orderPlaced(next, "Luigis Pizza", "Via Larga 2, Milano");
		kitchen.baked(next);

		// the order after the malformed ones is on its way: they were read and passed
		// over
		await().atMost(Duration.ofSeconds(15)).until(() -> outForDelivery(open) && outForDelivery(next));
		// the open order is on the road for 20 s: nothing is committed past it meanwhile,
		// however long an error handler would have taken to give up on a record
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> committed() <= baked.offset());
	}

	private boolean outForDelivery(UUID orderId) {
		return TopicContents.readAll(bootstrapServers(), "pizza-order-status")
			.stream()
			.anyMatch(
					(record) -> record.key().equals(orderId.toString()) && record.value().contains("OUT_FOR_DELIVERY"));
	}

	private long committed() throws Exception {
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> offsets = client.listConsumerGroupOffsets("delivery-tracker")
				.partitionsToOffsetAndMetadata()
				.get();
			OffsetAndMetadata offset = offsets.get(STATUS);
			return (offset != null) ? offset.offset() : -1;
		}
	}

	private static UUID orderOnThePartition() {
		while (true) {
			UUID orderId = UUID.randomUUID();
			if (Utils.toPositive(Utils.murmur2(orderId.toString().getBytes(StandardCharsets.UTF_8))) % 6 == PARTITION) {
				return orderId;
			}
		}
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
