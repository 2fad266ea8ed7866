package io.pizza.order.book;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.CustomerRules;
import io.pizza.order.orders.OrderHeaders;
import io.pizza.order.orders.OrderPlaced;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Builds the read model's orders from the orders topic, a poll at a time: the orders it
 * does not have yet in one transaction of batched inserts, an order id seen before (a
 * client's retry that reached another instance, a record written twice) logged and
 * skipped, and a record that is no order, or whose customer breaks the order rules,
 * skipped with one line.
 */
@Component
class OrderPlacedListener {

	/** The listener's id. */
	static final String ID = "order-book";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final ReadModel readModel;

	private final ApplicationEventPublisher events;

	private final OrderServiceProperties properties;

	private final RecordSpans spans;

	OrderPlacedListener(ReadModel readModel, ApplicationEventPublisher events, OrderServiceProperties properties,
			RecordSpans spans) {
		this.readModel = readModel;
		this.events = events;
		this.properties = properties;
		this.spans = spans;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${order-service.orders-topic.name}", batch = "true")
	void on(List<Received<OrderPlaced>> records) {
		List<UUID> ids = new ArrayList<>();
		for (Received<OrderPlaced> record : records) {
			if (record.value() != null) {
				ids.add(record.value().orderId());
			}
		}
		Set<UUID> known = this.readModel.known(ids);
		Map<UUID, PizzaOrder> fresh = new LinkedHashMap<>();
		try (RecordSpans.Batch spans = this.spans.batch(ID)) {
			for (Received<OrderPlaced> record : records) {
				OrderPlaced order = record.value();
				try (Observation.Scope scope = spans.start(record.record(), (order != null) ? order.orderId() : null)
					.openScope()) {
					take(record, known, fresh);
				}
			}
			this.readModel.add(List.copyOf(fresh.values()));
		}
		this.events.publishEvent(new OrdersStored(ids));
	}

	private void take(Received<OrderPlaced> record, Set<UUID> known, Map<UUID, PizzaOrder> fresh) {
		String instance = this.properties.instanceId();
		OrderPlaced order = record.value();
		if (order == null) {
			log.warn("[{}] {} skipped: not readable as an order ({})", instance, record.where(),
					Failures.describe(record.failure()));
		}
		else if (!CustomerRules.fit(order.customer())) {
			// written by something else than order-service: it would fail the poll's
			// inserts again and again
			log.warn("[{}] {} order={} skipped: its customer breaks the order rules", instance, record.where(),
					order.orderId());
		}
		else if (known.contains(order.orderId()) || fresh.containsKey(order.orderId())) {
			log.info("[{}] {} order={} seen before: skipped", instance, record.where(), order.orderId());
		}
		else {
			fresh.put(order.orderId(),
					new PizzaOrder(order, record.record().partition(), record.offset(),
							header(record.record(), OrderHeaders.PLACED_BY, "?"),
							header(record.record(), OrderHeaders.FINGERPRINT, null)));
			log.info("[{}] {} order={} shop='{}' stored", instance, record.where(), order.orderId(), order.shop());
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name, @Nullable String otherwise) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : otherwise;
	}

}
