package io.pizza.maker.kitchen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pizza.maker.PizzaMakerApplication;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two makers in the {@code pizza-makers} group on a real broker: they split the
 * partitions; when one leaves, the other takes them all, and across the handover every
 * order is baked exactly once (for {@code read_committed} readers) and each shop's orders
 * in the order they were placed. A record that cannot be read goes to the dead-letter
 * topic as it came, alone: the orders of the same poll around it are baked.
 */
@SpringBootTest(properties = { "pizza-maker-service.instance-id=maker-a", "pizza-maker-service.status-topic.replicas=1",
		"pizza-maker-service.dead-letter-topic.replicas=1", "pizza-maker-service.baking-time-per-pizza=20ms" })
@Import({ RealKafka.class, MakersGroupTests.Topics.class })
class MakersGroupTests {

	private static final String CONTRACT_ID = "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42";

	private static final List<String> SHOPS = List.of("Marios Pizza", "Luigis Pizza", "Circular Pi Pizzeria",
			"Ill Make You a Pizza You Cant Refuse", "Mammamia Pizza", "Its-a me! Mario Pizza!");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaListenerEndpointRegistry makerA;

	@Test
	void makersShareThePartitionsAndOneTakesOverWhenTheOtherLeaves() throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		ConfigurableApplicationContext makerB = startMaker("maker-b");
		try {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				Set<TopicPartition> a = assigned(this.makerA);
				Set<TopicPartition> b = assigned(makerB.getBean(KafkaListenerEndpointRegistry.class));
				assertThat(a).isNotEmpty();
				assertThat(b).isNotEmpty();
				assertThat(Collections.disjoint(a, b)).as("%s and %s are disjoint", a, b).isTrue();
				assertThat(a.size() + b.size()).isEqualTo(6);
			});
			// the group is the one the makers are documented to share, named by its id
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					String.join(",", this.kafka.getBootstrapServers())))) {
				assertThat(
						admin.describeConsumerGroups(List.of("pizza-makers")).all().get().get("pizza-makers").members())
					.extracting((member) -> member.clientId())
					.containsExactlyInAnyOrder("maker-a-0", "maker-b-0");
			}
			Map<String, List<String>> placedByShop = new LinkedHashMap<>();
			try (Producer<String, String> producer = producer()) {
				for (int i = 0; i < 60; i++) {
					String shop = SHOPS.get(i % SHOPS.size());
					String orderId = UUID.randomUUID().toString();
					placedByShop.computeIfAbsent(shop, (s) -> new ArrayList<>()).add(orderId);
					producer.send(new ProducerRecord<>("pizza-orders", shop,
							order.replace(CONTRACT_ID, orderId).replace("Luigis Pizza", shop)));
					if (i == 29) {
						// the handover happens mid-stream, once maker-b has baked some of
						// its share
						producer.flush();
						await().atMost(Duration.ofSeconds(30))
							.until(() -> baked().stream().anyMatch((e) -> e.get("by").asString().equals("maker-b")));
						makerB.close();
					}
				}
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> assigned(this.makerA).size() == 6);
			int placed = placedByShop.values().stream().mapToInt(List::size).sum();
			await().atMost(Duration.ofSeconds(60)).until(() -> baked().size() >= placed);
			List<JsonNode> baked = baked();
			Map<String, Long> bakedPerOrder = baked.stream()
				.collect(Collectors.groupingBy((e) -> e.get("orderId").asString(), Collectors.counting()));
			placedByShop.values()
				.forEach((ids) -> ids
					.forEach((id) -> assertThat(bakedPerOrder.get(id)).as("BAKED events of " + id).isEqualTo(1L)));
			Map<String, Instant> bakedAt = baked.stream()
				.collect(Collectors.toMap((e) -> e.get("orderId").asString(),
						(e) -> Instant.parse(e.get("at").asString()), (x, y) -> x));
			placedByShop.forEach((shop, ids) -> assertThat(ids.stream().map(bakedAt::get).toList())
				.as("the orders of " + shop + " in the order they were placed")
				.isSorted());
			JsonNode contract = json
				.readTree(Files.readString(Path.of("../contracts/pizza-order-status/order-status-changed.json")));
			assertThat(baked.get(0).propertyNames()).as("the fields of the status contract")
				.containsExactlyInAnyOrderElementsOf(contract.propertyNames());
			assertThat(baked.stream().map((e) -> e.get("by").asString()).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder("maker-a", "maker-b");
		}
		finally {
			makerB.close();
		}
	}

	@Test
	void aPoisonPillInTheMiddleOfAPollGoesToTheDeadLetterTopicAloneAndTheOrdersAroundItAreBaked() throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		String before = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		String notJson = "this is not an order";
		String noShop = order.replace("\"shop\": \"Luigis Pizza\",", "");
		String tooMany = order.replace(CONTRACT_ID, UUID.randomUUID().toString())
			.replace("{ \"name\": \"Diavola\", \"price\": 9.00, \"toppings\": [] }", String.join(", ",
					Collections.nCopies(10, "{ \"name\": \"Diavola\", \"price\": 9.00, \"toppings\": [] }")));
		try (Producer<String, String> producer = producer()) {
			// sent at once, one after the other: they come in one poll
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order.replace(CONTRACT_ID, before)));
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", notJson));
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", noShop));
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", tooMany));
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order.replace(CONTRACT_ID, after)));
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> baked().stream().anyMatch((e) -> e.get("orderId").asString().equals(after)));
		assertThat(baked().stream().filter((e) -> Set.of(before, after).contains(e.get("orderId").asString())))
			.as("each order around the poison pills baked once")
			.hasSize(2);
		List<ConsumerRecord<String, String>> dead = readAll("pizza-orders.DLT");
		assertThat(dead).extracting(ConsumerRecord::value).contains(notJson, noShop, tooMany);
		assertThat(dead).extracting(ConsumerRecord::value)
			.noneMatch((value) -> value.contains(before) || value.contains(after));
		assertThat(dead).allSatisfy((record) -> {
			assertThat(record.key()).isEqualTo("Luigis Pizza");
			assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
			assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		});
		String reason = new String(dead.stream()
			.filter((record) -> record.value().equals(noShop))
			.findFirst()
			.orElseThrow()
			.headers()
			.lastHeader("kafka_dlt-exception-stacktrace")
			.value(), StandardCharsets.UTF_8);
		assertThat(reason).contains("shop is missing");
		assertThat(new String(dead.stream()
			.filter((record) -> record.value().equals(tooMany))
			.findFirst()
			.orElseThrow()
			.headers()
			.lastHeader("kafka_dlt-exception-stacktrace")
			.value(), StandardCharsets.UTF_8)).contains("11 pizzas: at most 10 in an order");
	}

	private ConfigurableApplicationContext startMaker(String instanceId) {
		return new SpringApplicationBuilder(PizzaMakerApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + String.join(",", this.kafka.getBootstrapServers()),
				"--pizza-maker-service.instance-id=" + instanceId, "--server.port=0",
				"--pizza-maker-service.status-topic.replicas=1", "--pizza-maker-service.dead-letter-topic.replicas=1",
				"--pizza-maker-service.baking-time-per-pizza=20ms");
	}

	private static Set<TopicPartition> assigned(KafkaListenerEndpointRegistry registry) {
		var partitions = registry.getListenerContainer(OrderPlacedListener.ID).getAssignedPartitions();
		return (partitions != null) ? new HashSet<>(partitions) : Set.of();
	}

	private Producer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
						StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	private List<JsonNode> baked() {
		return readAll("pizza-order-status").stream()
			.map((record) -> json.readTree(record.value()))
			.filter((event) -> event.get("status").asString().equals("BAKED"))
			.toList();
	}

	private List<ConsumerRecord<String, String>> readAll(String topic) {
		return TopicContents.readAll(bootstrap(), topic);
	}

	private String bootstrap() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic orders() {
			return TopicBuilder.name("pizza-orders").partitions(6).replicas(1).build();
		}

	}

}
