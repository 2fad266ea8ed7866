package io.pizza.delivery.dispatch;

import java.util.HashSet;
import java.util.Set;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Pauses the reading of a status partition while it has as many deliveries open as it
 * may, and resumes it once it has room: Kafka's own back-pressure, which keeps the orders
 * the couriers cannot take yet in the log instead of in memory. Asked again after every
 * change, from any thread; the container pauses and resumes between two polls.
 */
@Component
class ReadingPace {

	private static final Logger log = LoggerFactory.getLogger(ReadingPace.class);

	private final OpenDeliveries open;

	private final KafkaListenerEndpointRegistry registry;

	private final String instance;

	/**
	 * The partitions this asked the container to pause (a concurrent container does not
	 * tell). Guarded by this.
	 */
	private final Set<TopicPartition> paused = new HashSet<>();

	ReadingPace(OpenDeliveries open, KafkaListenerEndpointRegistry registry, DeliveryTrackerProperties properties) {
		this.open = open;
		this.registry = registry;
		this.instance = properties.instanceId();
	}

	/**
	 * Pauses or resumes a partition's reading, as its deliveries open say; a partition
	 * handed over is resumed, for its pause would outlive it.
	 */
	synchronized void adjust(TopicPartition partition) {
		MessageListenerContainer container = this.registry.getListenerContainer(Dispatcher.ID);
		if (container == null) {
			return;
		}
		boolean full = this.open.full(partition);
		boolean paused = this.paused.contains(partition);
		if (full && !paused) {
			this.paused.add(partition);
			container.pausePartition(partition);
			log.info("[{}] {} paused: as many deliveries open as it may have, the orders behind wait in the log",
					this.instance, partition);
		}
		else if (!full && paused) {
			this.paused.remove(partition);
			container.resumePartition(partition);
			log.info("[{}] {} resumed", this.instance, partition);
		}
	}

}
