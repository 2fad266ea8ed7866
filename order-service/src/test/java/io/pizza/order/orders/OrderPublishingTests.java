package io.pizza.order.ordering;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.pizza.testing.RealKafka;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders placed over HTTP land on a real broker, keyed by shop, on the partition the
 * answer names, in the shape of the published contract.
 */
@SpringBootTest(properties = "order-service.orders-topic.replicas=1")
@AutoConfigureMockMvc
@Import(RealKafka.class)
class OrderPublishingTests {

	private static final Path CONTRACT = Path.of("../contracts/pizza-orders/order-placed.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void ordersOfOneShopGoToThePartitionOfItsKey() throws Exception {
		List<JsonNode> answers = new ArrayList<>();
		for (String shop : List.of("Luigis Pizza", "Marios Pizza", "Luigis Pizza", "Circular Pi Pizzeria",
				"Luigis Pizza")) {
			MvcTestResult result = placeOrder(shop);
			assertThat(result).hasStatus(201).headers().containsHeader("Location");
			JsonNode answer = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			assertThat(answer.get("status").asString()).isEqualTo("PLACED");
			assertThat(answer.get("partition").asInt()).isEqualTo(expectedPartition(shop, 6));
			answers.add(answer);
		}
		List<ConsumerRecord<String, String>> records = readAll();
		for (JsonNode answer : answers) {
			ConsumerRecord<String, String> record = records.stream()
				.filter((r) -> r.partition() == answer.get("partition").asInt()
						&& r.offset() == answer.get("offset").asLong())
				.findFirst()
				.orElseThrow();
			assertThat(record.key()).isEqualTo(answer.get("shop").asString());
			assertThat(json.readTree(record.value()).get("orderId").asString())
				.isEqualTo(answer.get("orderId").asString());
			assertThat(record.headers().toArray()).as("no Java type headers").isEmpty();
		}
		List<Long> luigisOffsets = answers.stream()
			.filter((answer) -> answer.get("shop").asString().equals("Luigis Pizza"))
			.map((answer) -> answer.get("offset").asLong())
			.toList();
		assertThat(luigisOffsets).as("one shop's orders keep their order").isSorted();
	}

	@Test
	void publishedOrdersHaveTheFieldsOfTheContract() throws Exception {
		MvcTestResult result = placeOrder("Mammamia Pizza");
		assertThat(result).hasStatus(201);
		JsonNode answer = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		ConsumerRecord<String, String> record = readAll().stream()
			.filter((r) -> json.readTree(r.value()).get("orderId").asString().equals(answer.get("orderId").asString()))
			.findFirst()
			.orElseThrow();
		JsonNode contract = json.readTree(Files.readString(CONTRACT));
		assertThat(fieldPaths(json.readTree(record.value()))).isEqualTo(fieldPaths(contract));
	}

	private MvcTestResult placeOrder(String shop) {
		return this.mvc.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"shop":"%s","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},
					 "pizzas":[{"name":"Margherita","toppings":["olives"]},{"name":"Diavola"}]}""".formatted(shop))
			.exchange();
	}

	/**
	 * The partition Kafka's default partitioner picks for a key: murmur2 of its bytes.
	 */
	private static int expectedPartition(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private List<ConsumerRecord<String, String>> readAll() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getBootstrapServers()), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (Consumer<String, String> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor("pizza-orders")
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private static TreeSet<String> fieldPaths(JsonNode node) {
		TreeSet<String> paths = new TreeSet<>();
		collect("", node, paths);
		return paths;
	}

	private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String path = prefix + "/" + field.getKey();
				paths.add(path);
				collect(path, field.getValue(), paths);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(prefix + "[]", element, paths);
			}
		}
	}

}
