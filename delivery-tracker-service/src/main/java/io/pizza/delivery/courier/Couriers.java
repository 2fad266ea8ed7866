package io.pizza.delivery.courier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.tracking.CourierMoved;
import io.pizza.support.tracing.TraceInLog;
import org.apache.kafka.clients.producer.ProducerRecord;

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

	/** The same producer, unobserved: positions do not flood an order's trace. */
	private final KafkaTemplate<String, Object> positions;

	private final DeliveryTrackerProperties properties;

	Couriers(KafkaTemplate<String, Object> kafka, DeliveryTrackerProperties properties) {
		this.kafka = kafka;
		this.positions = new KafkaTemplate<>(kafka.getProducerFactory());
		this.properties = properties;
	}

	CompletableFuture<SendResult<String, Object>> position(CourierMoved position) {
		return position(position, Optional.empty());
	}

	CompletableFuture<SendResult<String, Object>> position(CourierMoved position, Optional<String> trace) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(this.properties.positionsTopic().name(),
				position.orderId().toString(), position);
		trace.ifPresent((traceparent) -> record.headers()
			.add(TraceInLog.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII)));
		return this.positions.send(record);
	}

	CompletableFuture<SendResult<String, Object>> status(UUID orderId, String status, String courierId, Instant at) {
		return this.kafka.send(this.properties.statusTopic(), orderId.toString(),
				new StatusChanged(orderId, status, courierId, at));
	}

	/**
	 * An order's move, as the status topic's contract has it.
	 *
	 * @param status its new status
	 * @param by who moved it: the courier
	 * @param at when
	 */
	record StatusChanged(UUID orderId, String status, String by, Instant at) {
	}

}
