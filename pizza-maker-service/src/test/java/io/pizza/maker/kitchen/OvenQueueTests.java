package io.pizza.maker.kitchen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The makers as a share group on a real broker: eight makers on six partitions all take
 * orders; the orders a maker held when it died come back once their lock ends, and those
 * it had baked are not baked again; an order delivered up to the limit goes to the
 * dead-letter topic. A dying maker is played by a share consumer of the test's own, which
 * takes orders and never acknowledges them, as a maker killed with {@code kill -9} would.
 */
@SpringBootTest(properties = { "pizza-maker-service.instance-id=maker-q", "pizza-maker-service.status-topic.replicas=1",
		"pizza-maker-service.dead-letter-topic.replicas=1", "pizza-maker-service.baking-time-per-pizza=20ms",
		"pizza-maker-service.queue.makers=8", "pizza-maker-service.queue.record-lock=2s",
		"pizza-maker-service.queue.delivery-limit=3" })
@ActiveProfiles("queue")
@Import({ RealKafka.class, MakersGroupTests.Topics.class })
class OvenQueueTests {

	private static final String CONTRACT_ID = "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	OvenQueue queue;

	@AfterEach
	void makersBackAtWork() {
		container().start();
	}

	@Test
	void moreMakersThanPartitionsAllTakeOrders() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
			// the group exists once its first member joined
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> admin.describeShareGroups(List.of("pizza-oven-queue"))
					.all()
					.get()
					.get("pizza-oven-queue")
					.members()
					.size() == 8);
		}
		Map<String, Long> before = this.queue.bakedBy();
		List<String> placed = place(160, 16);
		await().atMost(Duration.ofSeconds(90)).until(() -> bakedPerOrder().keySet().containsAll(placed));
		assertThat(bakedPerOrder()).as("each order baked once")
			.containsAllEntriesOf(placed.stream().collect(Collectors.toMap((id) -> id, (id) -> 1L)));
		Map<String, Long> after = this.queue.bakedBy();
		assertThat(after.keySet().stream().filter((maker) -> after.get(maker) > before.getOrDefault(maker, 0L)))
			.as("makers that baked some of the orders: all eight")
			.hasSize(8);
	}

	@Test
	void ordersHeldByADeadMakerComeBackWhenTheirLockEndsAndThoseItBakedAreNotBakedAgain() throws Exception {
		container().stop();
		// one shop's, sent at once: one batch, taken by one poll
		List<String> placed = place(4, 1);
		ShareConsumer<String, String> dead = shareConsumer();
		try {
			List<String> held = takeOnePoll(dead, placed);
			assertThat(held).as("orders the maker took").hasSizeGreaterThanOrEqualTo(2);
			// it baked the first and died before acknowledging anything
			List<String> bakedBeforeDying = held.subList(0, held.size() / 2);
			try (Producer<String, String> producer = producer()) {
				for (String id : bakedBeforeDying) {
					for (String status : List.of("BAKING", "BAKED")) {
						producer.send(new ProducerRecord<>("pizza-order-status", id,
								"{\"orderId\":\"%s\",\"status\":\"%s\",\"by\":\"dead-maker\",\"at\":\"%s\"}"
									.formatted(id, status, Instant.now())));
					}
				}
			}
			container().start();
			await().atMost(Duration.ofSeconds(60)).until(() -> bakedPerOrder().keySet().containsAll(placed));
			assertThat(bakedPerOrder()).as("each order baked once")
				.containsAllEntriesOf(placed.stream().collect(Collectors.toMap((id) -> id, (id) -> 1L)));
			Map<String, String> bakedBy = baked().stream()
				.filter((event) -> placed.contains(event.get("orderId").asString()))
				.collect(Collectors.toMap((event) -> event.get("orderId").asString(),
						(event) -> event.get("by").asString()));
			placed.forEach((id) -> assertThat(bakedBy.get(id)).as("who baked " + id)
				.isEqualTo(bakedBeforeDying.contains(id) ? "dead-maker" : "maker-q"));
		}
		finally {
			dead.close(Duration.ZERO);
		}
	}

	@Test
	void anOrderDeliveredUpToTheLimitGoesToTheDeadLetterTopic() throws Exception {
		container().stop();
		String poison = place(1, 1).get(0);
		// two deliveries fail (the makers that took it died or failed)
		try (ShareConsumer<String, String> failing = shareConsumer()) {
			for (int delivery = 1; delivery <= 2; delivery++) {
				ConsumerRecord<String, String> taken = take(failing, poison);
				assertThat(taken.deliveryCount()).contains((short) delivery);
				failing.acknowledge(taken, AcknowledgeType.RELEASE);
				failing.commitSync();
			}
		}
		container().start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> TopicContents.readAll(bootstrap(), "pizza-orders.DLT")
				.stream()
				.anyMatch((record) -> record.value().contains(poison)));
		ConsumerRecord<String, String> given = TopicContents.readAll(bootstrap(), "pizza-orders.DLT")
			.stream()
			.filter((record) -> record.value().contains(poison))
			.findFirst()
			.orElseThrow();
		assertThat(new String(given.headers().lastHeader("kafka_dlt-exception-message").value()))
			.contains("Delivered 3 times");
		assertThat(bakedPerOrder()).as("never baked").doesNotContainKey(poison);
	}

	/** The ids among those given in the first poll that brings any, none acknowledged. */
	private List<String> takeOnePoll(ShareConsumer<String, String> consumer, List<String> ids) {
		List<String> taken = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(500))
				.forEach((record) -> ids.stream().filter(record.value()::contains).forEach(taken::add));
			return !taken.isEmpty();
		});
		return taken;
	}

	/** The record of an order, the others of the same polls released at once. */
	private ConsumerRecord<String, String> take(ShareConsumer<String, String> consumer, String id) {
		List<ConsumerRecord<String, String>> taken = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.value().contains(id)) {
					taken.add(record);
				}
				else {
					consumer.acknowledge(record, AcknowledgeType.RELEASE);
				}
			}
			return !taken.isEmpty();
		});
		return taken.get(0);
	}

	private List<String> place(int orders, int shops) throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		List<String> ids = new ArrayList<>();
		try (Producer<String, String> producer = producer()) {
			for (int i = 0; i < orders; i++) {
				String id = UUID.randomUUID().toString();
				String shop = "Shop " + (i % shops);
				ids.add(id);
				producer.send(new ProducerRecord<>("pizza-orders", shop,
						order.replace(CONTRACT_ID, id).replace("Luigis Pizza", shop)));
			}
		}
		return ids;
	}

	private MessageListenerContainer container() {
		return this.listeners.getListenerContainer(QueuedOrderListener.ID);
	}

	private Map<String, Long> bakedPerOrder() {
		return baked().stream()
			.collect(Collectors.groupingBy((event) -> event.get("orderId").asString(), Collectors.counting()));
	}

	private List<JsonNode> baked() {
		return TopicContents.readAll(bootstrap(), "pizza-order-status")
			.stream()
			.map((record) -> json.readTree(record.value()))
			.filter((event) -> event.get("status").asString().equals("BAKED"))
			.toList();
	}

	private ShareConsumer<String, String> shareConsumer() {
		KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
						"pizza-oven-queue", ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit",
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		consumer.subscribe(List.of("pizza-orders"));
		return consumer;
	}

	private Producer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
						StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	private String bootstrap() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
