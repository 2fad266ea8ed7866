package io.pizza.delivery.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the tracker reads from the rest of the system, as the published contracts have it:
 * an order placed by order-service and its status moved by a maker (with or without the
 * headers that say where the order's record is); and any record as it is.
 */
final class KitchenEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrapServers;

	KitchenEvents(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	RecordMetadata orderPlaced(UUID orderId, String shop, String address) {
		ObjectNode order = contract("pizza-orders/order-placed.json");
		order.put("orderId", orderId.toString());
		order.put("shop", shop);
		((ObjectNode) order.get("customer")).put("address", address);
		return send(new ProducerRecord<>("pizza-orders", shop, order.toString()));
	}

	RecordMetadata baked(UUID orderId) {
		return send(bakedRecord(orderId));
	}

	/**
	 * The order baked, as the kitchen says it: with where the order's own record is.
	 * @param placed where its record was written
	 */
	void baked(UUID orderId, RecordMetadata placed) {
		ProducerRecord<String, String> record = bakedRecord(orderId);
		record.headers()
			.add("order-partition", Integer.toString(placed.partition()).getBytes(StandardCharsets.UTF_8))
			.add("order-offset", Long.toString(placed.offset()).getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	private static ProducerRecord<String, String> bakedRecord(UUID orderId) {
		ObjectNode change = contract("pizza-order-status/order-status-changed.json");
		change.put("orderId", orderId.toString());
		change.put("at", Instant.now().toString());
		return new ProducerRecord<>("pizza-order-status", orderId.toString(), change.toString());
	}

	static ObjectNode contract(String file) {
		try {
			return (ObjectNode) json.readTree(Files.readString(Path.of("../contracts").resolve(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	RecordMetadata send(String topic, String key, String value) {
		return send(new ProducerRecord<>(topic, key, value));
	}

	private RecordMetadata send(ProducerRecord<String, String> record) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			return producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
