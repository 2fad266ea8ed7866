package io.pizza.delivery.dispatch;

import java.util.HashMap;
import java.util.Map;

import io.pizza.delivery.config.DeliveryTrackerProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Commits the dispatch group's offsets as far as {@link OpenDeliveries} says is safe,
 * where that moved. A failed commit loses nothing: the partition is only read again from
 * an earlier offset.
 */
@Component
class SafeCommits {

	private static final Logger log = LoggerFactory.getLogger(SafeCommits.class);

	private final OpenDeliveries open;

	private final String instance;

	SafeCommits(OpenDeliveries open, DeliveryTrackerProperties properties) {
		this.open = open;
		this.instance = properties.instanceId();
	}

	/**
	 * Commits what is safe.
	 * @param consumer the consumer of the partitions, on its own thread
	 */
	void commit(Consumer<?, ?> consumer) {
		Map<TopicPartition, Long> offsets = this.open.toCommit();
		if (offsets.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
		try {
			consumer.commitSync(commits);
		}
		catch (KafkaException ex) {
			log.warn("[{}] offsets {} not committed: {}", this.instance, offsets, ex.getMessage());
		}
	}

}
