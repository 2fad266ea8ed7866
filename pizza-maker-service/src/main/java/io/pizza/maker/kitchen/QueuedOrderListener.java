package io.pizza.maker.kitchen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.pizza.maker.config.PizzaMakerProperties;
import io.pizza.maker.config.QueueConfiguration;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.records.ReceivingConverter;
import io.pizza.support.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ShareAcknowledgment;
import org.springframework.stereotype.Component;

/**
 * The makers as a share group: the brokers hand each maker orders from any partition,
 * lock each for it, and count its deliveries. What the consumer group gave and this one
 * gives up: a shop's orders may be baked out of order (said in the log when a maker sees
 * it), and there is no offset to commit with the reports, so an order is made idempotent
 * by its id: one delivered again (its maker died, its lock ended) is first looked up on
 * the status topic, and skipped if any maker began baking it. An order is acknowledged
 * once its reports are committed; one that fails is released to be delivered again, and
 * on its last delivery it goes to the dead-letter topic rather than be tried once more
 * and dropped by the brokers. One line in the log per record.
 */
@Component
@Profile(QueueConfiguration.PROFILE)
class QueuedOrderListener {

	/** The listener's id, to find its container. */
	static final String ID = "oven-queue";

	private static final Logger log = LoggerFactory.getLogger(QueuedOrderListener.class);

	private final Kitchen kitchen;

	private final OvenQueue queue;

	private final BakedBefore bakedBefore;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ReceivingConverter converter;

	private final KafkaTemplate<Object, Object> kafka;

	private final PizzaMakerProperties properties;

	private final RecordSpans spans;

	private final Clock clock = Clock.systemUTC();

	QueuedOrderListener(Kitchen kitchen, OvenQueue queue, BakedBefore bakedBefore,
			DeadLetterPublishingRecoverer deadLetters, ReceivingConverter converter,
			KafkaTemplate<Object, Object> kafka, PizzaMakerProperties properties, RecordSpans spans) {
		this.kitchen = kitchen;
		this.queue = queue;
		this.bakedBefore = bakedBefore;
		this.deadLetters = deadLetters;
		this.converter = converter;
		this.kafka = kafka;
		this.properties = properties;
		this.spans = spans;
	}

	@KafkaListener(id = ID, containerFactory = QueueConfiguration.CONTAINER_FACTORY,
			groupId = "${pizza-maker-service.queue.group}", topics = "${pizza-maker-service.orders-topic}")
	void on(ConsumerRecord<String, byte[]> record, ShareAcknowledgment acknowledgment) {
		Received<OrderPlaced> received = this.converter.receive(record, OrderPlaced.class);
		try (RecordSpans.Batch spans = this.spans.batch(ID, this.properties.queue().group())) {
			Observation span = spans.start(record, (received.value() != null) ? received.value().orderId() : null);
			try (Observation.Scope scope = span.openScope()) {
				handle(received, acknowledgment, span);
			}
		}
	}

	private void handle(Received<OrderPlaced> received, ShareAcknowledgment acknowledgment, Observation span) {
		ConsumerRecord<String, byte[]> record = received.record();
		String maker = this.properties.instanceId() + " " + Thread.currentThread().getName();
		int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
		OrderPlaced order = received.value();
		if (order == null) {
			this.deadLetters.accept(record, null, fromTheQueue(received.failure()));
			acknowledgment.acknowledge();
			log.warn("[{}] {} not an order: sent to the dead-letter topic ({})", maker, received.where(),
					Failures.describe(received.failure()));
			return;
		}
		int limit = this.properties.queue().deliveryLimit();
		if (delivery >= limit) {
			this.deadLetters.accept(record, null, fromTheQueue(new IllegalStateException(
					"Delivered " + delivery + " times, the share group's limit, and never acknowledged")));
			acknowledgment.acknowledge();
			log.warn("[{}] {} shop='{}' order={} delivery {} of {}: given up, sent to the dead-letter topic", maker,
					received.where(), order.shop(), order.orderId(), delivery, limit);
			return;
		}
		Optional<String> skip = (delivery > 1)
				? this.bakedBefore.baked(order).map((where) -> "delivered again, baked before (" + where + ")")
				: this.bakedBefore.skip(record, order);
		if (skip.isPresent()) {
			acknowledgment.acknowledge();
			log.info("[{}] {} shop='{}' order={} delivery {}: {}: skipped", maker, received.where(), order.shop(),
					order.orderId(), delivery, skip.get());
			return;
		}
		this.queue.took(maker, received.where(), order.orderId(), delivery);
		try {
			bake(maker, received, order, delivery, span);
			acknowledgment.acknowledge();
		}
		finally {
			this.queue.done(maker);
		}
	}

	private void bake(String maker, Received<OrderPlaced> received, OrderPlaced order, int delivery, Observation span) {
		Instant started = this.clock.instant();
		Kitchen.Ticket ticket = new Kitchen.Ticket(order, received.partition(), received.offset(), span);
		List<Kitchen.Baked> baked = this.kafka
			.executeInTransaction((operations) -> bakeInterruptibly(Map.of(received.partition(), List.of(ticket))));
		OptionalLong later = this.queue.baked(maker, received.partition(), received.offset(), order.shop());
		if (log.isInfoEnabled()) {
			log.info("[{}] {} shop='{}' order={} pizzas=[{}] baked in {} ms{}{}", maker, received.where(), order.shop(),
					order.orderId(),
					order.pizzas().stream().map(OrderPlaced.Pizza::name).collect(Collectors.joining(", ")),
					baked.get(0).took(started).toMillis(), (delivery > 1) ? ", delivery " + delivery : "",
					later.isPresent() ? ", after the shop's offset " + later.getAsLong() + ": out of its order" : "");
		}
	}

	// a dead letter names the group that gave up on it, for a replay to that group alone:
	// the share group's container does not tell the recoverer, as a consumer group's does
	private ListenerExecutionFailedException fromTheQueue(Exception failure) {
		return new ListenerExecutionFailedException(failure.getMessage(), this.properties.queue().group(), failure);
	}

	private List<Kitchen.Baked> bakeInterruptibly(Map<TopicPartition, List<Kitchen.Ticket>> tickets) {
		try {
			return this.kitchen.bake(tickets);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while baking", ex);
		}
	}

}
