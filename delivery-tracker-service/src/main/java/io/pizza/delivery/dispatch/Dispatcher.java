package io.pizza.delivery.dispatch;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.courier.CourierFleet;
import io.pizza.delivery.tracking.Deliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Sends a courier for each order baked. The tracker instances share one consumer group on
 * the status topic, so each order is dispatched by one of them.
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Destinations destinations;

	private final Deliveries deliveries;

	private final CourierFleet fleet;

	private final DeliveryTrackerProperties properties;

	Dispatcher(Destinations destinations, Deliveries deliveries, CourierFleet fleet,
			DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.fleet = fleet;
		this.properties = properties;
	}

	@KafkaListener(id = "dispatch", idIsGroup = false, topics = "${delivery-tracker.status-topic}")
	void on(@Payload OrderStatusChanged change, ConsumerRecordMetadata record) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		log.info("[{}] {} order={} {} by {}", this.properties.instanceId(), where, change.orderId(), change.status(),
				change.by());
		if (!"BAKED".equals(change.status())) {
			return;
		}
		if (this.deliveries.find(change.orderId()).isPresent()) {
			log.info("[{}] {} order={} has a courier already: not dispatched again", this.properties.instanceId(),
					where, change.orderId());
			return;
		}
		// the order was published before it was baked; an instance that just started may
		// not have read it yet: fail, and the error handler tries again shortly
		Destination destination = this.destinations.of(change.orderId())
			.orElseThrow(() -> new UnknownOrder(change.orderId()));
		this.fleet.dispatch(destination);
	}

}
