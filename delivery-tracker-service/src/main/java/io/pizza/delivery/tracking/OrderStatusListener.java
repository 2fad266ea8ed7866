package io.pizza.delivery.tracking;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Follows the status of orders, one line in the log each.
 */
@Component
class OrderStatusListener {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusListener.class);

	private final DeliveryTrackerProperties properties;

	OrderStatusListener(DeliveryTrackerProperties properties) {
		this.properties = properties;
	}

	@KafkaListener(topics = "${delivery-tracker.status-topic}")
	void on(@Payload OrderStatusChanged change, ConsumerRecordMetadata record) {
		log.info("[{}] {}-{}@{} order={} {} by {}", this.properties.instanceId(), record.topic(), record.partition(),
				record.offset(), change.orderId(), change.status(), change.by());
	}

}
