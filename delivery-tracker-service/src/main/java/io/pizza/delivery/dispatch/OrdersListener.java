package io.pizza.delivery.dispatch;

import java.time.Clock;
import java.util.Map;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Learns where orders go. Every instance reads every order, in a consumer group of its
 * own, and on each assignment goes back {@code orders-look-back} in time (Kafka finds the
 * offsets by timestamp), so that a restarted instance knows the orders baking right now.
 * An order id seen again (a copy of the same order) keeps its first record.
 */
@Component
class OrdersListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(OrdersListener.class);

	private final Destinations destinations;

	private final DeliveryTrackerProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrdersListener(Destinations destinations, DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.properties = properties;
	}

	@KafkaListener(id = "orders", topics = "${delivery-tracker.orders-topic}",
			groupId = "delivery-tracker-orders-${delivery-tracker.instance-id}")
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) {
		this.destinations.add(order, record.offset())
			.ifPresent((earlier) -> log.info("[{}] {}-{}@{} order={} seen before at offset {}: skipped",
					this.properties.instanceId(), record.topic(), record.partition(), record.offset(), order.orderId(),
					earlier));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		long since = this.clock.instant().minus(this.properties.ordersLookBack()).toEpochMilli();
		callback.seekToTimestamp(assignments.keySet(), since);
	}

}
