package io.pizza.delivery.dispatch;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.courier.CourierFleet;
import io.pizza.delivery.destination.Destinations;
import io.pizza.delivery.destination.RecordPosition;
import io.pizza.delivery.tracking.Deliveries;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.tracing.RecordSpans;
import io.pizza.support.tracing.TraceInLog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sends a courier for each order baked. The tracker instances share one consumer group on
 * the status topic, so each order is dispatched by one of them; and since a partition's
 * committed offset never passes an order not yet delivered (see {@link OpenDeliveries}),
 * the instance that owns it next, after a rebalance, a restart or a {@code kill -9},
 * delivers what was left: it sends a courier for each order that still waits and lets
 * each courier on the road ride on from where it is.
 */
@Component
class Dispatcher {

	/** The dispatch container's id. */
	static final String ID = "dispatch";

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final OpenDeliveries open;

	private final SafeCommits commits;

	private final Destinations destinations;

	private final Deliveries deliveries;

	private final CourierFleet fleet;

	private final ReadingPace pace;

	private final String instance;

	private final RecordSpans spans;

	Dispatcher(OpenDeliveries open, SafeCommits commits, Destinations destinations, Deliveries deliveries,
			CourierFleet fleet, ReadingPace pace, DeliveryTrackerProperties properties, RecordSpans spans) {
		this.open = open;
		this.pace = pace;
		this.commits = commits;
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.fleet = fleet;
		this.instance = properties.instanceId();
		this.spans = spans;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${delivery-tracker-service.status-topic}", batch = "true",
			containerPostProcessor = "handover")
	void on(List<Received<OrderStatusChanged>> records, Consumer<?, ?> consumer) {
		Set<TopicPartition> read = new HashSet<>();
		Set<TopicPartition> replaying = new HashSet<>();
		try (RecordSpans.Batch spans = this.spans.batch(ID)) {
			for (Received<OrderStatusChanged> record : records) {
				TopicPartition partition = record.partition();
				read.add(partition);
				takeUp(this.open.caughtUp(partition, record.offset()));
				if (this.open.replaying(partition)) {
					replaying.add(partition);
				}
				boolean deliveredAlready;
				try (Observation.Scope scope = spanOfDispatch(spans, record);
						TraceInLog trace = TraceInLog.of(record.record().headers())) {
					deliveredAlready = read(partition, record);
				}
				// outside the order's span: the order it makes room for is another's
				if (deliveredAlready) {
					delivered(partition, record.value().orderId());
				}
			}
		}
		replaying.forEach((partition) -> takeUp(this.open.caughtUp(partition, consumer.position(partition))));
		read.forEach(this.pace::adjust);
		this.commits.commit(consumer);
	}

	// a span for what the tracker acts on, an order baked, not for each status it passes,
	// nor for one read again after a takeover, whose trace was done with
	private Observation.Scope spanOfDispatch(RecordSpans.Batch spans, Received<OrderStatusChanged> record) {
		OrderStatusChanged change = record.value();
		if (change == null || change.orderId() == null || !"BAKED".equals(change.status())
				|| this.open.replaying(record.partition())) {
			return Observation.Scope.NOOP;
		}
		return spans.start(record.record(), change.orderId()).openScope();
	}

	// whether the order has a courier already, its delivery over for this partition
	private boolean read(TopicPartition partition, Received<OrderStatusChanged> record) {
		String where = record.where();
		OrderStatusChanged change = record.value();
		if (change == null || change.orderId() == null || change.status() == null) {
			log.warn("[{}] {} skipped: not a status change of an order ({})", this.instance, where,
					(change == null) ? Failures.describe(record.failure()) : "no order id or status");
			this.open.passed(partition, record.offset());
			return false;
		}
		boolean replayed = this.open.replaying(partition);
		RecordPosition orderAt = RecordPosition.of(record.record().headers()).orElse(null);
		Reading reading = this.open.read(partition, record.offset(), change.orderId(), change.status(), change.by(),
				change.at(), orderAt);
		if (replayed) {
			log.debug("[{}] {} order={} {} by {} (replayed)", this.instance, where, change.orderId(), change.status(),
					change.by());
			return false;
		}
		log.info("[{}] {} order={} {} by {}", this.instance, where, change.orderId(), change.status(), change.by());
		switch (reading) {
			case OPEN_ALREADY -> log.info("[{}] {} order={} waits for a courier already: not dispatched again",
					this.instance, where, change.orderId());
			case HELD -> log.info("[{}] {} order={} held back: its partition has as many deliveries open as it may",
					this.instance, where, change.orderId());
			case SEND -> {
				if (this.deliveries.find(change.orderId()).isPresent()) {
					log.info("[{}] {} order={} has a courier already: not dispatched again", this.instance, where,
							change.orderId());
					return true;
				}
				send(new OpenDelivery(partition, change.orderId(), record.offset(), null, null, orderAt));
			}
			case NOTHING_TO_DO -> {
				// a kitchen's step, or a courier's
			}
		}
		return false;
	}

	// a partition's replay is over: its couriers on the road ride on, its orders waiting
	// get one
	private void takeUp(List<OpenDelivery> left) {
		if (left.isEmpty()) {
			return;
		}
		long riding = left.stream().filter((open) -> open.courierId() != null).count();
		log.info("[{}] {} taken over: {} courier(s) on the road ride on, {} order(s) baked get one", this.instance,
				left.get(0).partition(), riding, left.size() - riding);
		left.forEach(this::send);
	}

	// the order was published before it was baked, yet an instance that just started may
	// not have read it: it is sent once it has
	private void send(OpenDelivery order) {
		boolean known = this.destinations.whenKnown(order.orderId(), order.orderAt(), (destination) -> {
			if (!this.open.owns(order.partition(), order.orderId())) {
				return;
			}
			String courierId = order.courierId();
			Instant leftAt = order.leftAt();
			var delivered = (courierId != null && leftAt != null) ? this.fleet.resume(destination, courierId, leftAt)
					: this.fleet.dispatch(destination);
			delivered.thenRun(() -> delivered(order.partition(), order.orderId()));
		});
		if (!known) {
			log.info("[{}] order={} baked before this instance read where it goes: sent once it has", this.instance,
					order.orderId());
		}
	}

	// an order delivered makes room for the partition's oldest order held back
	private void delivered(TopicPartition partition, UUID orderId) {
		this.open.delivered(partition, orderId).ifPresent(this::send);
		this.pace.adjust(partition);
	}

}
