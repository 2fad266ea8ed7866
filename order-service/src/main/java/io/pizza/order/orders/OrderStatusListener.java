package io.pizza.order.orders;

import io.pizza.order.config.OrderServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the kitchen's and the delivery's status changes into each order's timeline. A
 * change seen twice (a redelivery) is recorded once.
 */
@Component
class OrderStatusListener {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusListener.class);

	private final Orders orders;

	private final OrderServiceProperties properties;

	OrderStatusListener(Orders orders, OrderServiceProperties properties) {
		this.orders = orders;
		this.properties = properties;
	}

	@KafkaListener(topics = "${order-service.status-topic}")
	@Transactional
	void on(@Payload OrderStatusChanged change, ConsumerRecordMetadata record) {
		Status status = Status.valueOf(change.status());
		// the kitchen may report an order before this service's commit of it is visible:
		// failing here makes the container retry the record after a pause
		PizzaOrder order = this.orders.findById(change.orderId())
			.orElseThrow(() -> new IllegalStateException("order " + change.orderId() + " not known (yet)"));
		boolean recorded = order.record(status, change.at(), change.by());
		log.info("[{}] {}-{}@{} order={} {} by {}{}", this.properties.instanceId(), record.topic(), record.partition(),
				record.offset(), change.orderId(), status, change.by(), recorded ? "" : " (already recorded)");
	}

}
