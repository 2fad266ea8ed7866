package io.pizza.delivery.dispatch;

import java.time.Clock;
import java.util.Map;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Learns where orders go. Every instance reads every order, in a consumer group of its
 * own, and on each assignment goes back {@code orders-look-back} in time (Kafka finds the
 * offsets by timestamp), so that a restarted instance knows the orders baking right now.
 */
@Component
class OrdersListener implements ConsumerSeekAware {

	private final Destinations destinations;

	private final DeliveryTrackerProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrdersListener(Destinations destinations, DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.properties = properties;
	}

	@KafkaListener(id = "orders", topics = "${delivery-tracker.orders-topic}",
			groupId = "delivery-tracker-orders-${delivery-tracker.instance-id}")
	void on(@Payload OrderPlaced order) {
		this.destinations.add(order);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		long since = this.clock.instant().minus(this.properties.ordersLookBack()).toEpochMilli();
		callback.seekToTimestamp(assignments.keySet(), since);
	}

}
