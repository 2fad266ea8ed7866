package io.pizza.maker.config;

import java.util.Collection;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Logs every partition assignment and revocation, so that two terminals side by side show
 * which maker owns which partitions as the group rebalances.
 */
class RebalanceLogging implements ConsumerAwareRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(RebalanceLogging.class);

	private final String instanceId;

	RebalanceLogging(String instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			log.info("[{}] partitions assigned: {} (now owns {})", this.instanceId, describe(partitions),
					describe(consumer.assignment()));
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			log.info("[{}] partitions revoked: {} (still owns {})", this.instanceId, describe(partitions),
					describe(consumer.assignment().stream().filter((p) -> !partitions.contains(p)).toList()));
		}
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		log.warn("[{}] partitions lost: {}", this.instanceId, describe(partitions));
	}

	static String describe(Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return "none";
		}
		return partitions.stream()
			.sorted((a, b) -> (a.topic().equals(b.topic())) ? Integer.compare(a.partition(), b.partition())
					: a.topic().compareTo(b.topic()))
			.map(TopicPartition::toString)
			.collect(Collectors.joining(", "));
	}

}
