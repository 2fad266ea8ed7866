package io.pizza.delivery.courier;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.tracking.CourierMoved;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * What couriers publish: their positions, keyed by order, and the order's move to
 * {@code OUT_FOR_DELIVERY} and {@code DELIVERED}.
 */
@Component
class Couriers {

	private final KafkaTemplate<String, Object> kafka;

	private final DeliveryTrackerProperties properties;

	Couriers(KafkaTemplate<String, Object> kafka, DeliveryTrackerProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	CompletableFuture<SendResult<String, Object>> position(CourierMoved position) {
		return this.kafka.send(this.properties.positionsTopic().name(), position.orderId().toString(), position);
	}

	CompletableFuture<SendResult<String, Object>> status(UUID orderId, String status, String courierId, Instant at) {
		return this.kafka.send(this.properties.statusTopic(), orderId.toString(),
				new StatusChanged(orderId, status, courierId, at));
	}

	/**
	 * An order's move, as the status topic's contract has it.
	 *
	 * @param orderId the order
	 * @param status its new status
	 * @param by who moved it: the courier
	 * @param at when
	 */
	record StatusChanged(UUID orderId, String status, String by, Instant at) {
	}

}
