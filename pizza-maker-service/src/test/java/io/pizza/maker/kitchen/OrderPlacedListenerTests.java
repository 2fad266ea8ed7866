package io.pizza.maker.kitchen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.pizza.support.records.Replayed;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A maker reads the order-service's contract from a real broker and logs one line per
 * order, with its instance, topic, partition and offset; a dead letter sent back is baked
 * only when it is sent back for the kitchen and was never baked. Each order of a poll is
 * handled in a span of the trace that sent it.
 */
@SpringBootTest(properties = { "pizza-maker-service.instance-id=maker-under-test",
		"pizza-maker-service.status-topic.replicas=1", "pizza-maker-service.dead-letter-topic.replicas=1" })
@Import({ RealKafka.class, OrderPlacedListenerTests.Topics.class })
@ExtendWith(OutputCaptureExtension.class)
class OrderPlacedListenerTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	BakedBefore bakedBefore;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	FinishedSpans spans;

	@Test
	void logsEachOrderWithItsPartitionAndOffset(CapturedOutput output) throws Exception {
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		RecordMetadata sent;
		try (Producer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getBootstrapServers()), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			sent = producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
		}
		String line = "[maker-under-test] pizza-orders-%d@%d shop='Luigis Pizza' order=0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42 pizzas=[Margherita, Diavola] baked in"
			.formatted(sent.partition(), sent.offset());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(line));
		assertThat(output.getOut()).contains("[maker-under-test] partitions assigned:");
	}

	@Test
	void anOrderWrittenBeforePricesTravelledWithItIsBaked(CapturedOutput output) throws Exception {
		String orderId = UUID.randomUUID().toString();
		String order = """
				{"orderId": "%s", "shop": "Luigis Pizza", "placedAt": "2026-11-25T10:15:30Z",
				 "pizzas": [{"name": "Marinara", "toppings": ["olives", "garlic"]}]}""".formatted(orderId);
		RecordMetadata sent;
		try (Producer<String, String> producer = producer()) {
			sent = producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
		}
		String line = "[maker-under-test] pizza-orders-%d@%d shop='Luigis Pizza' order=%s pizzas=[Marinara] baked in"
			.formatted(sent.partition(), sent.offset(), orderId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(line));
	}

	@Test
	void anOrderIdSeenTwiceIsBakedOnce(CapturedOutput output) throws Exception {
		String orderId = UUID.randomUUID().toString();
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"))
			.replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId);
		RecordMetadata first;
		RecordMetadata copy;
		try (Producer<String, String> producer = producer()) {
			first = producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
			copy = producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
		}
		String skipped = "pizza-orders-%d@%d shop='Luigis Pizza' order=%s seen before at offset %d: skipped"
			.formatted(copy.partition(), copy.offset(), orderId, first.offset());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut()).contains(skipped));
		// the copy is skipped in the same transaction as the original is baked
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					TopicContents.readAll(String.join(",", this.kafka.getBootstrapServers()), "pizza-order-status")
						.stream()
						.map(ConsumerRecord::value)
						.filter((value) -> value.contains(orderId) && value.contains("\"BAKED\"")))
				.hasSize(1));
	}

	@Test
	void eachStatusSaysWhereItsOrderIs() throws Exception {
		String orderId = UUID.randomUUID().toString();
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"))
			.replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId);
		RecordMetadata sent;
		try (Producer<String, String> producer = producer()) {
			producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", "{\"not\": \"an order\"}")).get();
			sent = producer.send(new ProducerRecord<>("pizza-orders", "Luigis Pizza", order)).get();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(statuses(orderId)).extracting(ConsumerRecord::value)
				.anyMatch((value) -> value.contains("\"BAKED\"")));
		assertThat(statuses(orderId)).hasSize(2).allSatisfy((status) -> {
			assertThat(header(status, Kitchen.ORDER_PARTITION)).isEqualTo(Integer.toString(sent.partition()));
			assertThat(header(status, Kitchen.ORDER_OFFSET)).isEqualTo(Long.toString(sent.offset()));
		});
	}

	@Test
	void aDeadLetterSentBackIsBakedForTheKitchenAloneAndNeverTwice(CapturedOutput output) throws Exception {
		String orderId = UUID.randomUUID().toString();
		String order = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"))
			.replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId)
			.replace("2026-11-25T10:15:30.123456Z", Instant.now().toString());
		RecordMetadata forBilling;
		try (Producer<String, String> producer = producer()) {
			forBilling = producer.send(replay(order, "pizza-orders.billing.DLT-1@4", "billing")).get();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).contains(
					"pizza-orders-%d@%d shop='Luigis Pizza' order=%s replayed, sent back for billing, handled here the first time: skipped"
						.formatted(forBilling.partition(), forBilling.offset(), orderId)));
		assertThat(statuses(orderId)).as("not baked").isEmpty();

		try (Producer<String, String> producer = producer()) {
			producer.send(replay(order, "pizza-orders.DLT-1@9", "pizza-makers")).get();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(statuses(orderId)).extracting(ConsumerRecord::value)
				.anyMatch((value) -> value.contains("\"BAKED\"")));
		ConsumerRecord<String, String> baking = statuses(orderId).get(0);

		// however far the window of recent orders has moved on since: the status topic
		// says it was baked
		ConsumerRecord<String, byte[]> again = new ConsumerRecord<>("pizza-orders", 1, 1_000_000L, "Luigis Pizza",
				order.getBytes(StandardCharsets.UTF_8));
		replay(order, "pizza-orders.DLT-1@9", "pizza-makers").headers().forEach(again.headers()::add);
		assertThat(this.bakedBefore.skip(again, json.readValue(order, OrderPlaced.class)))
			.contains("baked before (pizza-order-status-%d@%d)".formatted(baking.partition(), baking.offset()));
		String old = order.replace(orderId, UUID.randomUUID().toString())
			.replaceAll("\"placedAt\": \"[^\"]+\"", "\"placedAt\": \"2026-01-01T00:00:00Z\"");
		assertThat(this.bakedBefore.skip(again, json.readValue(old, OrderPlaced.class))).get()
			.asString()
			.contains("too old to tell whether it was baked");
	}

	private static ProducerRecord<String, String> replay(String order, String from, String group) {
		ProducerRecord<String, String> record = new ProducerRecord<>("pizza-orders", "Luigis Pizza", order);
		record.headers()
			.add(Replayed.FROM, from.getBytes(StandardCharsets.UTF_8))
			.add(Replayed.FOR, group.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private List<ConsumerRecord<String, String>> statuses(String orderId) {
		return TopicContents.readAll(String.join(",", this.kafka.getBootstrapServers()), "pizza-order-status")
			.stream()
			.filter((record) -> record.key().equals(orderId))
			.toList();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Test
	void eachOrderOfABatchContinuesTheTraceThatSentIt() throws Exception {
		// ten orders of one shop, each sent from a trace of its own while the kitchen is
		// stopped: it takes them in one poll, one transaction
		String template = Files.readString(Path.of("../contracts/pizza-orders/order-placed.json"));
		Map<String, String> traceOf = new HashMap<>();
		Map<String, String> sentFrom = new HashMap<>();
		MessageListenerContainer kitchen = this.listeners.getListenerContainer(OrderPlacedListener.ID);
		kitchen.stop();
		try (Producer<String, String> producer = producer()) {
			for (int i = 0; i < 10; i++) {
				String orderId = UUID.randomUUID().toString();
				traceOf.put(orderId, hex(16));
				sentFrom.put(orderId, hex(8));
				ProducerRecord<String, String> record = new ProducerRecord<>("pizza-orders", "Marios Pizza",
						template.replace("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", orderId));
				record.headers()
					.add("traceparent", ("00-" + traceOf.get(orderId) + "-" + sentFrom.get(orderId) + "-01")
						.getBytes(StandardCharsets.US_ASCII));
				producer.send(record);
			}
		}
		finally {
			kitchen.start();
		}
		// each order's statuses carry its own trace, not a neighbour's
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, String>> statuses = TopicContents
				.readAll(String.join(",", this.kafka.getBootstrapServers()), "pizza-order-status")
				.stream()
				.filter((status) -> traceOf.containsKey(status.key()))
				.toList();
			assertThat(statuses).hasSize(20);
			assertThat(statuses).allSatisfy((status) -> assertThat(
					new String(status.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
				.startsWith("00-" + traceOf.get(status.key()) + "-"));
		});
		// and each its own span, a child of the one that sent it, saying where its record
		// was
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(traceOf.keySet()).allSatisfy((orderId) -> {
				List<MutableSpan> received = this.spans.finished.stream()
					.filter((span) -> orderId.equals(span.tag("order.id")))
					.toList();
				assertThat(received).singleElement().satisfies((span) -> {
					assertThat(span.traceId()).isEqualTo(traceOf.get(orderId));
					assertThat(span.parentId()).isEqualTo(sentFrom.get(orderId));
					assertThat(span.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
					assertThat(span.tag("messaging.source.name")).isEqualTo("pizza-orders");
					assertThat(span.tag("messaging.kafka.source.partition")).isNotNull();
					assertThat(span.tag("messaging.kafka.message.offset")).isNotNull();
				});
				assertThat(this.spans.finished.stream()
					.filter((span) -> span.kind() == brave.Span.Kind.PRODUCER
							&& traceOf.get(orderId).equals(span.traceId())
							&& received.get(0).id().equals(span.parentId())))
					.as("BAKING and BAKED sent within the order's span")
					.hasSize(2);
			}));
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private Producer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getBootstrapServers()), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic orders() {
			return TopicBuilder.name("pizza-orders").partitions(6).replicas(1).build();
		}

		@Bean
		FinishedSpans finishedSpans() {
			return new FinishedSpans();
		}

	}

	/**
	 * The spans the maker finished, as Zipkin would get them.
	 */
	static class FinishedSpans extends SpanHandler {

		final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.finished.add(span);
			return true;
		}

	}

}
