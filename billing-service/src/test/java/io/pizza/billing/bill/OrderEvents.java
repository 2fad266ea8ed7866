package io.pizza.billing.bill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order events as order-service publishes them: the published contract with another id,
 * shop and pizzas, keyed by shop.
 */
final class OrderEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrapServers;

	OrderEvents(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	static String placed(UUID orderId, String shop, List<OrderPlaced.Pizza> pizzas) {
		return placed(orderId, shop, pizzas,
				pizzas.stream().map(OrderPlaced.Pizza::total).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	static String placed(UUID orderId, String shop, List<OrderPlaced.Pizza> pizzas, BigDecimal total) {
		try {
			ObjectNode order = (ObjectNode) json
				.readTree(Files.readString(Path.of("../contracts/pizza-orders/order-placed.json")));
			order.put("orderId", orderId.toString());
			order.put("shop", shop);
			order.set("pizzas", json.valueToTree(pizzas));
			order.put("total", total);
			return json.writeValueAsString(order);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Publishes records to the orders topic, in order, each acknowledged by the broker.
	 * @param records each record's key and value
	 */
	void publish(List<Map.Entry<String, String>> records) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (Map.Entry<String, String> record : records) {
				producer.send(new ProducerRecord<>("pizza-orders", record.getKey(), record.getValue())).get();
			}
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
