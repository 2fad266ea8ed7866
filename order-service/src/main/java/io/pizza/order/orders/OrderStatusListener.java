package io.pizza.order.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

	private static final Logger log = LoggerFactory.getLogger(OrderStatusListener.class);

	private final ReadModel readModel;

	private final OrderServiceProperties properties;

	OrderStatusListener(ReadModel readModel, OrderServiceProperties properties) {
		this.readModel = readModel;
		this.properties = properties;
	}

	@KafkaListener(id = "order-timeline", idIsGroup = false, topics = "${order-service.status-topic}", batch = "true")
	void on(List<ConsumerRecord<String, @Nullable OrderStatusChanged>> records) {
		String instance = this.properties.instanceId();
		List<StatusChange> changes = new ArrayList<>();
		List<ConsumerRecord<String, @Nullable OrderStatusChanged>> taken = new ArrayList<>();
		for (ConsumerRecord<String, @Nullable OrderStatusChanged> record : records) {
			Status status = (record.value() != null) ? status(record.value().status()) : null;
			if (status == null) {
				log.warn("[{}] {}-{}@{} skipped: not a status change of an order", instance, record.topic(),
						record.partition(), record.offset());
				continue;
			}
			OrderStatusChanged change = record.value();
			changes.add(new StatusChange(change.orderId(), status, change.at(), change.by()));
			taken.add(record);
		}
		Set<StatusChange.Key> added = this.readModel.addSteps(changes);
		for (int i = 0; i < taken.size(); i++) {
			ConsumerRecord<String, @Nullable OrderStatusChanged> record = taken.get(i);
			StatusChange change = changes.get(i);
			log.info("[{}] {}-{}@{} order={} {} by {}{}", instance, record.topic(), record.partition(), record.offset(),
					change.getOrderId(), change.getStatus(), change.getBy(),
					added.remove(change.getId()) ? "" : " (already recorded)");
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
