package io.pizza.order.ordering;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Publishes new orders keyed by shop, so that one shop's orders stay in order on one
 * partition, and answers only once the brokers have acknowledged them.
 */
@Service
class OrderIntake {

	private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

	private final KafkaTemplate<String, OrderPlaced> kafka;

	private final OrderServiceProperties properties;

	private final Clock clock;

	OrderIntake(KafkaTemplate<String, OrderPlaced> kafka, OrderServiceProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	OrderAccepted place(PlaceOrder order) {
		OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), order.shop(),
				new OrderPlaced.Customer(order.customer().name(), order.customer().phone(), order.customer().address()),
				order.pizzas().stream().map((pizza) -> new OrderPlaced.Pizza(pizza.name(), pizza.toppings())).toList(),
				this.clock.instant());
		RecordMetadata stored = publish(placed);
		log.info("[{}] placed order {} for '{}' -> {}-{}@{} ({} pizzas)", this.properties.instanceId(),
				placed.orderId(), placed.shop(), stored.topic(), stored.partition(), stored.offset(),
				placed.pizzas().size());
		return new OrderAccepted(placed.orderId(), placed.shop(), "PLACED", stored.partition(), stored.offset(),
				placed.placedAt());
	}

	private RecordMetadata publish(OrderPlaced placed) {
		try {
			return this.kafka.send(this.properties.ordersTopic().name(), placed.shop(), placed)
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OrderNotStored(placed.orderId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new OrderNotStored(placed.orderId(), ex);
		}
	}

}
