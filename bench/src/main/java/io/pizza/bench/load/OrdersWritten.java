package io.pizza.bench.load;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders written straight to {@code pizza-orders}, as order-service writes them, for the
 * makers or billing to go through as a backlog.
 */
final class OrdersWritten {

	private static final JsonMapper json = JsonMapper.builder().build();

	private OrdersWritten() {
	}

	/**
	 * Writes orders straight to {@code pizza-orders}, as order-service writes them: the
	 * shop as key, priced by the menu, a fresh id each.
	 * @param orders the orders to write
	 * @param count how many
	 * @return each order's id and shop, in the order written
	 * @throws InterruptedException if interrupted
	 */
	static List<Written> write(Platform platform, FakeOrders orders, int count) throws InterruptedException {
		List<Written> written = new ArrayList<>(count);
		Map<String, Object> config = new HashMap<>(platform.settings().kafkaClient());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>(count);
			Clock clock = Clock.systemUTC();
			for (int n = 0; n < count; n++) {
				ObjectNode placed = orders.menu()
					.placed(json.readTree(orders.next()), UUID.randomUUID(), clock.instant());
				String shop = placed.get("shop").asString();
				written.add(new Written(placed.get("orderId").asString(), shop));
				sent.add(producer.send(new ProducerRecord<>(Topics.ORDERS, shop, placed.toString())));
			}
			for (Future<RecordMetadata> send : sent) {
				send.get();
			}
			return written;
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not write the backlog: " + ex.getCause().getMessage(), ex);
		}
	}

	/**
	 * An order written to the backlog.
	 *
	 * @param orderId its id
	 * @param shop its shop, its key
	 */
	record Written(String orderId, String shop) {
	}

}
