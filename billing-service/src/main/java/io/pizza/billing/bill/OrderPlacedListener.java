package io.pizza.billing.bill;

import java.time.Clock;

import io.pizza.billing.config.BillingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills each order once: an order already billed (a redelivery, a replay) changes
 * nothing.
 */
@Component
class OrderPlacedListener {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Bills bills;

	private final BillingProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderPlacedListener(Bills bills, BillingProperties properties) {
		this.bills = bills;
		this.properties = properties;
	}

	@KafkaListener(topics = "${billing.orders-topic}")
	@Transactional
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (this.bills.existsById(order.orderId())) {
			log.info("[{}] {} order={} already billed, skipped", this.properties.instanceId(), where, order.orderId());
			return;
		}
		this.bills.save(
				new Bill(order.orderId(), order.shop(), order.pizzas().size(), order.placedAt(), this.clock.instant()));
		log.info("[{}] {} shop='{}' order={} billed ({} pizzas)", this.properties.instanceId(), where, order.shop(),
				order.orderId(), order.pizzas().size());
	}

}
