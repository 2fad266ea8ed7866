package io.pizza.billing.bill;

import java.time.Clock;
import java.util.List;

import io.pizza.billing.config.BillingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills each order once. The bill is committed to the database before the record's offset
 * is committed to Kafka, so a crash in between redelivers an order already billed: that,
 * and any replay, finds the bill there and changes nothing.
 */
@Component
class OrderPlacedListener {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Bills bills;

	private final PriceList prices;

	private final BillingProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderPlacedListener(Bills bills, PriceList prices, BillingProperties properties) {
		this.bills = bills;
		this.prices = prices;
		this.properties = properties;
	}

	@KafkaListener(id = "billing", idIsGroup = false, topics = "${billing.orders-topic}")
	@Transactional
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (this.bills.existsById(order.orderId())) {
			log.info("[{}] {} shop='{}' order={} already billed: skipped", this.properties.instanceId(), where,
					order.shop(), order.orderId());
			return;
		}
		List<BillLine> lines = this.prices.lines(order);
		Bill bill = this.bills.save(new Bill(order.orderId(), order.shop(), lines, this.prices.currency(),
				order.placedAt(), this.clock.instant(), record.partition(), record.offset()));
		log.info("[{}] {} shop='{}' order={} billed {} {} (pizzas: {}, toppings: {})", this.properties.instanceId(),
				where, order.shop(), order.orderId(), bill.getCurrency(), bill.getTotal(), order.pizzas().size(),
				lines.size() - order.pizzas().size());
	}

}
