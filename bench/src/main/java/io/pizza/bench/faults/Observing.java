package io.pizza.bench.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the system shows of a client's orders: the orders topic and the status topic
 * whole, as {@code read_committed} consumers see them, each order's bill from
 * billing-service and each order from order-service, over their APIs.
 */
final class Observing {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Map<String, Object> kafka;

	private final URI orderService;

	private final URI billingService;

	private final String authorization;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * Reads through these.
	 * @param kafka the Kafka client's settings
	 * @param orderService order-service's address
	 * @param billingService billing-service's address
	 * @param authorization an admin's {@code Authorization} header, for the bills
	 */
	Observing(Map<String, Object> kafka, URI orderService, URI billingService, String authorization) {
		this.kafka = kafka;
		this.orderService = orderService;
		this.billingService = billingService;
		this.authorization = authorization;
	}

	Observed observe(History history) {
		String prefix = history.intents().isEmpty() ? ""
				: history.intents().get(0).customer().replaceAll(" \\d+$", " ");
		List<Observed.Logged> log = new ArrayList<>();
		read(Topics.ORDERS, (record) -> {
			JsonNode order = json.readTree(record.value());
			String customer = order.path("customer").path("name").asString("");
			if (!prefix.isEmpty() && customer.startsWith(prefix)) {
				log.add(new Observed.Logged(customer, order.get("orderId").asString(), record.partition(),
						record.offset()));
			}
		});
		Map<String, Integer> baked = new HashMap<>();
		Map<String, Integer> delivered = new HashMap<>();
		read(Topics.ORDER_STATUS, (record) -> {
			String status = json.readTree(record.value()).path("status").asString("");
			if (status.equals("BAKED")) {
				baked.merge(record.key(), 1, Integer::sum);
			}
			else if (status.equals("DELIVERED")) {
				delivered.merge(record.key(), 1, Integer::sum);
			}
		});
		Map<String, BigDecimal> bills = new HashMap<>();
		log.stream().map(Observed.Logged::orderId).distinct().forEach((orderId) -> {
			HttpResponse<String> bill = get(this.billingService.resolve("/bills/" + orderId), true);
			if (bill.statusCode() == 200) {
				bills.put(orderId, json.readTree(bill.body()).get("total").decimalValue());
			}
		});
		Map<String, String> answered = new HashMap<>();
		history.attempts()
			.stream()
			.map(History.Attempt::orderId)
			.filter((id) -> id != null)
			.distinct()
			.forEach((orderId) -> {
				HttpResponse<String> answer = get(this.orderService.resolve("/orders/" + orderId), false);
				answered.put(orderId, (answer.statusCode() == 200)
						? json.readTree(answer.body()).path("status").asString("?") : "NOT_FOUND");
			});
		return new Observed(log, baked, delivered, bills, answered);
	}

	private void read(String topic, Consumer<ConsumerRecord<String, String>> each) {
		Map<String, Object> config = new HashMap<>(this.kafka);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p, PATIENCE) < ends.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(topic + " not read to its end in " + PATIENCE.toSeconds() + " s");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(each);
			}
		}
	}

	private HttpResponse<String> get(URI uri, boolean asAdmin) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
		if (asAdmin) {
			request.header("Authorization", this.authorization);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(uri + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
