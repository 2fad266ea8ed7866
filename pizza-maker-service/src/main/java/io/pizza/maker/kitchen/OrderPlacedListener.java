package io.pizza.maker.kitchen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.pizza.maker.config.PizzaMakerProperties;
import io.pizza.maker.config.QueueConfiguration;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.tracing.RecordSpans;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Takes the orders of this maker's partitions a poll at a time, in one Kafka transaction:
 * a record that cannot be read goes to the dead-letter topic as it came, an order id seen
 * before is skipped, and so is a replay of a dead letter not sent back for the kitchen or
 * baked before ({@link BakedBefore}); the others are baked (each shop's in order) and
 * their offsets committed with the reports. One line in the log per record.
 */
@Component
@Profile("!" + QueueConfiguration.PROFILE)
class OrderPlacedListener {

	/** The listener's id, to find its container. */
	static final String ID = "kitchen";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Kitchen kitchen;

	private final RecentOrders recent;

	private final BakedBefore bakedBefore;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final PizzaMakerProperties properties;

	private final RecordSpans spans;

	private final Clock clock = Clock.systemUTC();

	OrderPlacedListener(Kitchen kitchen, RecentOrders recent, BakedBefore bakedBefore,
			DeadLetterPublishingRecoverer deadLetters, PizzaMakerProperties properties, RecordSpans spans) {
		this.kitchen = kitchen;
		this.recent = recent;
		this.bakedBefore = bakedBefore;
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.spans = spans;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${pizza-maker-service.orders-topic}", batch = "true")
	void on(List<Received<OrderPlaced>> records) throws InterruptedException {
		String instance = this.properties.instanceId();
		try (RecordSpans.Batch spans = this.spans.batch(ID)) {
			bake(records, spans, instance);
		}
	}

	// each order in a span of its own, from its record to its BAKED
	private void bake(List<Received<OrderPlaced>> records, RecordSpans.Batch spans, String instance)
			throws InterruptedException {
		Map<TopicPartition, List<Kitchen.Ticket>> tickets = new LinkedHashMap<>();
		for (Received<OrderPlaced> record : records) {
			OrderPlaced order = record.value();
			Observation span = spans.start(record.record(), (order != null) ? order.orderId() : null);
			try (Observation.Scope scope = span.openScope()) {
				Kitchen.Ticket ticket = take(record, span, instance);
				if (ticket != null) {
					tickets.computeIfAbsent(record.partition(), (p) -> new ArrayList<>()).add(ticket);
				}
			}
		}
		Instant started = this.clock.instant();
		for (Kitchen.Baked baked : this.kitchen.bake(tickets)) {
			try (Observation.Scope scope = baked.ticket().span().openScope()) {
				logBaked(baked, started, instance);
			}
		}
	}

	// the order to bake, or null when it is not one
	private Kitchen.@Nullable Ticket take(Received<OrderPlaced> record, Observation span, String instance) {
		OrderPlaced order = record.value();
		if (order == null) {
			// within the transaction: the dead letter and the offset go together
			this.deadLetters.accept(record.record(), null, record.failure());
			log.warn("[{}] {} not an order: sent to the dead-letter topic ({})", instance, record.where(),
					Failures.describe(record.failure()));
			return null;
		}
		// a dead letter sent back is judged by the kitchen's durable memory, before the
		// window of recent orders takes it in
		Optional<String> replayed = this.bakedBefore.skip(record.record(), order);
		if (replayed.isPresent()) {
			log.info("[{}] {} shop='{}' order={} replayed, {}: skipped", instance, record.where(), order.shop(),
					order.orderId(), replayed.get());
			return null;
		}
		Optional<Long> earlier = this.recent.seenBefore(record.partition(), record.offset(), order.orderId());
		if (earlier.isPresent()) {
			log.info("[{}] {} shop='{}' order={} seen before at offset {}: skipped", instance, record.where(),
					order.shop(), order.orderId(), earlier.get());
			return null;
		}
		return new Kitchen.Ticket(order, record.partition(), record.offset(), span);
	}

	private void logBaked(Kitchen.Baked baked, Instant started, String instance) {
		OrderPlaced order = baked.ticket().order();
		if (log.isInfoEnabled()) {
			log.info("[{}] {}-{}@{} shop='{}' order={} pizzas=[{}] baked in {} ms", instance,
					baked.ticket().partition().topic(), baked.ticket().partition().partition(), baked.ticket().offset(),
					order.shop(), order.orderId(),
					order.pizzas().stream().map(OrderPlaced.Pizza::name).collect(Collectors.joining(", ")),
					baked.took(started).toMillis());
		}
	}

}
