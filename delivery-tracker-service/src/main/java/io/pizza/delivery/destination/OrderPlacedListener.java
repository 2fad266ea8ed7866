package io.pizza.delivery.destination;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.Destinations.Missing;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Learns where orders go. Every instance reads every order, in a consumer group of its
 * own, and on each assignment goes back {@code orders-look-back} in time (Kafka finds the
 * offsets by timestamp), so that a restarted instance knows the orders baking right now.
 * An order id seen again (a copy of the same order) keeps its first record.
 */
@Component
class OrderPlacedListener extends AbstractConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Destinations destinations;

	private final OrderLookup lookup;

	private final DeliveryTrackerProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderPlacedListener(Destinations destinations, OrderLookup lookup, DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.lookup = lookup;
		this.properties = properties;
	}

	@KafkaListener(id = "orders", topics = "${delivery-tracker-service.orders-topic}",
			groupId = "delivery-tracker-orders-${delivery-tracker-service.instance-id}")
	void on(@Payload OrderPlaced order, ConsumerRecordMetadata record) {
		this.destinations.add(order, record.offset())
			.ifPresent((earlier) -> log.info("[{}] {}-{}@{} order={} seen before at offset {}: skipped",
					this.properties.instanceId(), record.topic(), record.partition(), record.offset(), order.orderId(),
					earlier));
	}

	/**
	 * An order baked late may have been placed before the look-back, or forgotten to make
	 * room: when one's destination is still unknown after {@code missing-order-after}
	 * (long enough to read what was just placed), its record is read back from where its
	 * status said it is; an order whose status did not say (written before the kitchen
	 * said it), or that is not there, makes the instance read the orders topic again from
	 * its start, once for each such order.
	 */
	@Scheduled(fixedDelayString = "${delivery-tracker-service.missing-order-after}")
	void lookForMissingOrders() {
		List<Missing> missing = this.destinations
			.missingSince(this.clock.instant().minus(this.properties.missingOrderAfter()));
		Map<UUID, RecordPosition> located = new HashMap<>();
		missing.stream()
			.filter((order) -> order.record() != null)
			.forEach((order) -> located.put(order.orderId(), order.record()));
		List<UUID> found = located.isEmpty() ? List.of() : this.lookup.read(located);
		List<UUID> lost = missing.stream().map(Missing::orderId).filter((id) -> !found.contains(id)).toList();
		if (!lost.isEmpty()) {
			log.warn(
					"[{}] {} order(s) baked and not read from {} for {}, such as order={}: reading it again from its "
							+ "start",
					this.properties.instanceId(), lost.size(), this.properties.ordersTopic(),
					this.properties.missingOrderAfter(), lost.get(0));
			seekToBeginning();
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		super.onPartitionsAssigned(assignments, callback);
		long since = this.clock.instant().minus(this.properties.ordersLookBack()).toEpochMilli();
		callback.seekToTimestamp(assignments.keySet(), since);
	}

}
