package io.pizza.order.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.OrderPlaced;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Finds out whether an order is in the orders topic: reads the partition its shop's key
 * goes to, from a little before it was placed to where the partition ends now, with a
 * consumer of no group. What settles a send the producer gave up on: a record whose
 * acknowledgement was lost may be there all the same, and then the order is placed.
 */
@Component
class OrderSearch implements DisposableBean {

	/** Clocks and the producer's own timestamps differ by this much at most. */
	private static final Duration SKEW = Duration.ofMinutes(1);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final ConsumerFactory<?, ?> factory;

	private final RecordMessageConverter records;

	private final OrderServiceProperties properties;

	/** Made when first needed: most instances never need one. Guarded by this. */
	private @Nullable KafkaConsumer<String, byte[]> consumer;

	OrderSearch(ConsumerFactory<?, ?> factory, RecordMessageConverter records, OrderServiceProperties properties) {
		this.factory = factory;
		this.records = records;
		this.properties = properties;
	}

	/**
	 * Looks for an order in the log.
	 * @return where it lies, or empty when it is not there
	 * @throws org.apache.kafka.common.KafkaException when the partition could not be read
	 * to its end: nothing is known then
	 */
	synchronized Optional<LogPosition> find(OrderPlaced order) {
		KafkaConsumer<String, byte[]> consumer = consumer();
		String topic = this.properties.ordersTopic().name();
		int partitions = consumer.partitionsFor(topic, PATIENCE).size();
		TopicPartition partition = new TopicPartition(topic,
				BuiltInPartitioner.partitionForKey(order.shop().getBytes(StandardCharsets.UTF_8), partitions));
		try {
			consumer.assign(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), PATIENCE).get(partition);
			OffsetAndTimestamp from = consumer
				.offsetsForTimes(Map.of(partition, order.placedAt().minus(SKEW).toEpochMilli()), PATIENCE)
				.get(partition);
			consumer.seek(partition, (from != null) ? from.offset() : end);
			byte[] id = order.orderId().toString().getBytes(StandardCharsets.US_ASCII);
			Instant deadline = Instant.now().plus(PATIENCE);
			while (consumer.position(partition, PATIENCE) < end) {
				if (Instant.now().isAfter(deadline)) {
					throw new org.apache.kafka.common.errors.TimeoutException(
							partition + " not read to its end in " + PATIENCE.toSeconds() + " s");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < end && names(record, id) && isThe(order, record)) {
						return Optional.of(new LogPosition(record.partition(), record.offset()));
					}
				}
			}
			return Optional.empty();
		}
		finally {
			consumer.unsubscribe();
		}
	}

	// a cheap look first: most records are other orders
	private static boolean names(ConsumerRecord<String, byte[]> record, byte[] id) {
		byte[] value = record.value();
		if (value == null) {
			return false;
		}
		for (int i = 0; i + id.length <= value.length; i++) {
			if (Arrays.equals(value, i, i + id.length, id, 0, id.length)) {
				return true;
			}
		}
		return false;
	}

	private boolean isThe(OrderPlaced order, ConsumerRecord<String, byte[]> record) {
		try {
			// as the listeners read theirs (service-support)
			Object value = this.records.toMessage(record, null, null, OrderPlaced.class).getPayload();
			return value instanceof OrderPlaced found && found.orderId().equals(order.orderId());
		}
		catch (ConversionException ex) {
			return false;
		}
	}

	private KafkaConsumer<String, byte[]> consumer() {
		if (this.consumer == null) {
			Map<String, Object> config = new HashMap<>(this.factory.getConfigurationProperties());
			config.remove(ConsumerConfig.GROUP_ID_CONFIG);
			config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
			config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.properties.instanceId() + "-search");
			config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
			config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
			this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		}
		return this.consumer;
	}

	@Override
	public synchronized void destroy() {
		if (this.consumer != null) {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
		}
	}

}
