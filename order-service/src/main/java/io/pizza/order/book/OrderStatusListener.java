package io.pizza.order.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.Observation;
import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.Status;
import io.pizza.support.records.Received;
import io.pizza.support.tracing.RecordSpans;
import io.pizza.support.tracing.TraceInLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the kitchen's and the delivery's status changes into the orders' timelines, a
 * poll at a time in one transaction. A change seen twice (a redelivery) is recorded once;
 * one that arrives before its order is kept all the same, and shows once the order does.
 */
@Component
class OrderStatusListener {

	/** The listener's id. */
	static final String ID = "order-timeline";

	private static final Logger log = LoggerFactory.getLogger(OrderStatusListener.class);

	private final ReadModel readModel;

	private final OrderServiceProperties properties;

	private final RecordSpans spans;

	OrderStatusListener(ReadModel readModel, OrderServiceProperties properties, RecordSpans spans) {
		this.readModel = readModel;
		this.properties = properties;
		this.spans = spans;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${order-service.status-topic}", batch = "true")
	void on(List<Received<OrderStatusChanged>> records) {
		try (RecordSpans.Batch spans = this.spans.batch(ID)) {
			record(records, spans);
		}
	}

	// each status in a span of the order's trace, from its record to its line in the log
	private void record(List<Received<OrderStatusChanged>> records, RecordSpans.Batch spans) {
		String instance = this.properties.instanceId();
		List<StatusChange> changes = new ArrayList<>();
		List<Received<OrderStatusChanged>> taken = new ArrayList<>();
		List<Observation> spanOf = new ArrayList<>();
		for (Received<OrderStatusChanged> record : records) {
			OrderStatusChanged change = record.value();
			Status status = (change != null) ? status(change.status()) : null;
			if (change == null || status == null) {
				try (TraceInLog trace = TraceInLog.of(record.record().headers())) {
					log.warn("[{}] {} skipped: not a status change of an order", instance, record.where());
				}
				continue;
			}
			changes.add(new StatusChange(change.orderId(), status, change.at(), change.by()));
			taken.add(record);
			spanOf.add(spans.start(record.record(), change.orderId()));
		}
		Set<StatusChange.Key> added = this.readModel.addSteps(changes);
		for (int i = 0; i < taken.size(); i++) {
			StatusChange change = changes.get(i);
			try (Observation.Scope scope = spanOf.get(i).openScope()) {
				log.info("[{}] {} order={} {} by {}{}", instance, taken.get(i).where(), change.getOrderId(),
						change.getStatus(), change.getBy(), added.remove(change.getId()) ? "" : " (already recorded)");
			}
		}
	}

	private static @Nullable Status status(String name) {
		try {
			Status status = Status.valueOf(name);
			return (status.compareTo(Status.PLACED) > 0) ? status : null;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

}
