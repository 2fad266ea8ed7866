package io.pizza.delivery.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.courier.CourierFleet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;

/**
 * How the status partitions change hands between tracker instances. The dispatch
 * container commits only what {@link OpenDeliveries} says is safe (no commits of its
 * own); a partition assigned is read again from its committed offset up to where it ends
 * now; a partition revoked is committed as far as is safe, and this instance's couriers
 * for it stop, for its next owner takes them over. Its consumer is the classic one (see
 * {@link DispatchConsumer}). A poll that fails is retried as the tracker's other
 * listeners' are, but never committed when given up: only {@link SafeCommits} commits.
 */
@Component
class Handover implements ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> {

	private static final Logger log = LoggerFactory.getLogger(Handover.class);

	private final OpenDeliveries open;

	private final SafeCommits commits;

	private final CourierFleet fleet;

	private final ReadingPace pace;

	private final String instance;

	private final CommonErrorHandler errors;

	Handover(OpenDeliveries open, SafeCommits commits, CourierFleet fleet, ReadingPace pace,
			@Qualifier("dispatchErrorHandler") CommonErrorHandler errors, DeliveryTrackerProperties properties) {
		this.open = open;
		this.pace = pace;
		this.commits = commits;
		this.fleet = fleet;
		this.errors = errors;
		this.instance = properties.instanceId();
	}

	@Override
	public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
		container.getContainerProperties().setAckMode(AckMode.MANUAL);
		container.setCommonErrorHandler(this.errors);
		container.getContainerProperties().setKafkaConsumerProperties(DispatchConsumer.properties());
		container.getContainerProperties().setConsumerRebalanceListener(new Listener());
	}

	private void handOver(Collection<TopicPartition> partitions) {
		List<UUID> orders = this.open.revoked(partitions);
		partitions.forEach(this.pace::adjust);
		if (!orders.isEmpty()) {
			this.fleet.abandon(orders);
			log.info("[{}] {} handed over with {} delivery(ies) not finished", this.instance, partitions,
					orders.size());
		}
	}

	/**
	 * The dispatch container's own: not a bean, which Spring Boot would give every
	 * container.
	 */
	private final class Listener implements ConsumerAwareRebalanceListener {

		@Override
		public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			for (TopicPartition partition : partitions) {
				long from = consumer.position(partition);
				long end = ends.getOrDefault(partition, from);
				Handover.this.open.assigned(partition, from, end);
				if (from < end) {
					log.info("[{}] {} assigned: offsets {} to {} read again for deliveries not finished",
							Handover.this.instance, partition, from, end - 1);
				}
			}
		}

		@Override
		public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			Handover.this.commits.commit(consumer);
			handOver(partitions);
		}

		@Override
		public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			handOver(partitions);
		}

	}

}
