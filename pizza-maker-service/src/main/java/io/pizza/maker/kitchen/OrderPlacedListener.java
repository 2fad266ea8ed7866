package io.pizza.maker.kitchen;

import java.util.stream.Collectors;

import io.pizza.maker.config.PizzaMakerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Takes the orders of this maker's partitions, one line in the log each.
 */
@Component
class OrderPlacedListener {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final PizzaMakerProperties properties;

	OrderPlacedListener(PizzaMakerProperties properties) {
		this.properties = properties;
	}

	@KafkaListener(topics = "${pizza-maker.orders-topic}")
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) {
		log.info("[{}] {}-{}@{} shop='{}' order={} pizzas=[{}]", this.properties.instanceId(), record.topic(),
				record.partition(), record.offset(), order.shop(), order.orderId(),
				order.pizzas().stream().map(OrderPlaced.Pizza::name).collect(Collectors.joining(", ")));
	}

}
