package io.pizza.order.intake;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.OrderHeaders;
import io.pizza.order.orders.OrderPlaced;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Hands an order to the Kafka producer, keyed by its shop (so one shop's orders stay in
 * order on one partition), with who placed it and the request's fingerprint in its
 * headers, and hands the producer's last word to {@link Settling}. Never sends an order
 * twice: the producer's own retries do that work.
 */
@Component
class OrderSender {

	private final KafkaTemplate<String, OrderPlaced> kafka;

	private final Settling settling;

	private final OrderServiceProperties properties;

	OrderSender(KafkaTemplate<String, OrderPlaced> kafka, Settling settling, OrderServiceProperties properties) {
		this.kafka = kafka;
		this.settling = settling;
		this.properties = properties;
	}

	/**
	 * Hands an order over; blocks at most {@code max.block.ms}, for the topic's metadata
	 * or room in the producer's buffer.
	 * @param placement the order
	 * @throws OrderNotSent when the producer did not take it: nothing is on the brokers
	 */
	void send(Placement placement) {
		OrderPlaced order = placement.order();
		RecordHeaders headers = new RecordHeaders();
		headers.add(OrderHeaders.PLACED_BY, placement.by().getBytes(StandardCharsets.UTF_8));
		if (placement.fingerprint() != null) {
			headers.add(OrderHeaders.FINGERPRINT, placement.fingerprint().getBytes(StandardCharsets.US_ASCII));
		}
		CompletableFuture<SendResult<String, OrderPlaced>> sent;
		try {
			sent = this.kafka
				.send(new ProducerRecord<>(this.properties.ordersTopic().name(), null, order.shop(), order, headers));
		}
		catch (RuntimeException ex) {
			throw new OrderNotSent(order.orderId(), NestedExceptionUtils.getMostSpecificCause(ex));
		}
		if (sent.isCompletedExceptionally()) {
			// failed before the record was handed over (no metadata, a full buffer)
			throw new OrderNotSent(order.orderId(),
					NestedExceptionUtils.getMostSpecificCause(sent.handle((result, ex) -> ex).join()));
		}
		sent.whenComplete((result, ex) -> settled(placement, result, ex));
	}

	private void settled(Placement placement, @Nullable SendResult<String, OrderPlaced> result,
			@Nullable Throwable ex) {
		RecordMetadata stored = (result != null) ? result.getRecordMetadata() : null;
		this.settling.sent(placement, (stored != null) ? new LogPosition(stored.partition(), stored.offset()) : null,
				(ex != null) ? NestedExceptionUtils.getMostSpecificCause(ex) : null);
	}

}
