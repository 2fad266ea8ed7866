package io.pizza.maker.kitchen;

import java.time.Duration;
import java.util.stream.Collectors;

import io.pizza.maker.config.PizzaMakerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Takes the orders of this maker's partitions, one at a time and in order, and bakes
 * them: one line in the log each.
 */
@Component
class OrderPlacedListener {

	/** The listener's id, to find its container. */
	static final String ID = "kitchen";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Kitchen kitchen;

	private final PizzaMakerProperties properties;

	OrderPlacedListener(Kitchen kitchen, PizzaMakerProperties properties) {
		this.kitchen = kitchen;
		this.properties = properties;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${pizza-maker.orders-topic}")
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) throws InterruptedException {
		Duration took = this.kitchen.bake(order);
		log.info("[{}] {}-{}@{} shop='{}' order={} pizzas=[{}] baked in {} ms", this.properties.instanceId(),
				record.topic(), record.partition(), record.offset(), order.shop(), order.orderId(),
				order.pizzas().stream().map(OrderPlaced.Pizza::name).collect(Collectors.joining(", ")),
				took.toMillis());
	}

}
