package io.pizza.delivery.destination;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Reads orders back from the orders topic by where their records are: a seek to each
 * offset, no consumer group, nothing committed. What an instance does for an order baked
 * long after it was placed, whose destination it no longer keeps, rather than reading the
 * whole topic again.
 */
@Component
class OrderLookup implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OrderLookup.class);

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ConsumerFactory<?, ?> factory;

	private final Destinations destinations;

	private final RecordMessageConverter records;

	private final DeliveryTrackerProperties properties;

	/** Made when first needed: most instances never need one. Guarded by this. */
	private @Nullable KafkaConsumer<String, byte[]> consumer;

	OrderLookup(ConsumerFactory<?, ?> factory, Destinations destinations, RecordMessageConverter records,
			DeliveryTrackerProperties properties) {
		this.factory = factory;
		this.destinations = destinations;
		this.records = records;
		this.properties = properties;
	}

	private KafkaConsumer<String, byte[]> consumer() {
		if (this.consumer == null) {
			Map<String, Object> config = new HashMap<>(this.factory.getConfigurationProperties());
			config.remove(ConsumerConfig.GROUP_ID_CONFIG);
			config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
			config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.properties.instanceId() + "-lookup");
			config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
			config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
			this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		}
		return this.consumer;
	}

	/**
	 * Reads orders at where their records are, and makes their destinations known.
	 * @param wanted where each order's record is
	 * @return the orders found there
	 */
	synchronized List<UUID> read(Map<UUID, RecordPosition> wanted) {
		Map<TopicPartition, TreeMap<Long, UUID>> pending = new HashMap<>();
		wanted.forEach(
				(orderId, record) -> pending
					.computeIfAbsent(new TopicPartition(this.properties.ordersTopic(), record.partition()),
							(partition) -> new TreeMap<>())
					.put(record.offset(), orderId));
		List<UUID> found = new ArrayList<>();
		KafkaConsumer<String, byte[]> consumer = consumer();
		try {
			consumer.assign(pending.keySet());
			// what retention deleted is not there to be read
			consumer.beginningOffsets(pending.keySet(), PATIENCE)
				.forEach((partition, start) -> pending.get(partition).headMap(start).clear());
			pending.values().removeIf(TreeMap::isEmpty);
			pending.forEach((partition, offsets) -> consumer.seek(partition, offsets.firstKey()));
			Instant deadline = Instant.now().plus(PATIENCE);
			while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					TreeMap<Long, UUID> offsets = pending.get(partition);
					UUID orderId = (offsets != null) ? offsets.remove(record.offset()) : null;
					if (orderId != null && add(orderId, record)) {
						found.add(orderId);
					}
				}
				skipAhead(consumer, pending);
			}
		}
		catch (RuntimeException ex) {
			log.warn("[{}] orders {} not read back from {}: {}", this.properties.instanceId(), wanted,
					this.properties.ordersTopic(), ex.getMessage());
		}
		finally {
			consumer.unsubscribe();
		}
		return found;
	}

	// a partition's next wanted offset may be far ahead of what was fetched: seek to it
	private static void skipAhead(KafkaConsumer<?, ?> consumer, Map<TopicPartition, TreeMap<Long, UUID>> pending) {
		pending.forEach((partition, offsets) -> {
			long position = consumer.position(partition);
			offsets.headMap(position).clear();
			if (!offsets.isEmpty() && offsets.firstKey() > position) {
				consumer.seek(partition, offsets.firstKey());
			}
		});
		pending.values().removeIf(TreeMap::isEmpty);
	}

	private boolean add(UUID orderId, ConsumerRecord<String, byte[]> record) {
		Object order;
		try {
			// as the listeners read theirs (service-support)
			order = this.records.toMessage(record, null, null, OrderPlaced.class).getPayload();
		}
		catch (ConversionException ex) {
			return false;
		}
		if (!(order instanceof OrderPlaced placed) || !placed.orderId().equals(orderId)) {
			return false;
		}
		this.destinations.add(placed, record.offset());
		log.info("[{}] {}-{}@{} order={} read back: baked after this instance forgot where it goes",
				this.properties.instanceId(), record.topic(), record.partition(), record.offset(), orderId);
		return true;
	}

	@Override
	public synchronized void destroy() {
		if (this.consumer != null) {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
		}
	}

}
