package io.pizza.order.rows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.OrderPlaced;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Every order placed, again as a flat row with its schema on {@code pizza_order_rows},
 * keyed by order id, for Kafka Connect to sink into a table. It reads the orders topic in
 * a group of its own ({@code order-rows}) and commits an order's offset only once its row
 * is acknowledged, so no order is missing from the rows (one may be written twice after a
 * crash: the sink upserts by order id). The rows never hold up taking orders.
 */
@Component
class OrderRowsFeed {

	private static final Logger log = LoggerFactory.getLogger(OrderRowsFeed.class);

	private final KafkaTemplate<String, Object> kafka;

	private final OrderServiceProperties properties;

	OrderRowsFeed(KafkaTemplate<String, Object> kafka, OrderServiceProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	@KafkaListener(id = "order-rows", idIsGroup = false, groupId = "order-rows",
			topics = "${order-service.orders-topic.name}",
			properties = "spring.json.value.default.type=io.pizza.order.orders.OrderPlaced")
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record)
			throws InterruptedException, ExecutionException, TimeoutException {
		RecordMetadata row = this.kafka
			.send(this.properties.rowsTopic().name(), order.orderId().toString(), OrderRow.of(order))
			.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.getRecordMetadata();
		log.info("[{}] {}-{}@{} order={} shop='{}' row -> {}-{}@{}", this.properties.instanceId(), record.topic(),
				record.partition(), record.offset(), order.orderId(), order.shop(), row.topic(), row.partition(),
				row.offset());
	}

}
