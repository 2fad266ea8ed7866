package io.pizza.delivery.dispatch;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;

/**
 * The dispatch group's own consumer settings: the classic group protocol, where the
 * tracker's other consumers, each in a group of its own, use the new one (KIP-848). The
 * dispatch container pauses a status partition while its couriers are busy (see
 * {@link ReadingPace}), and Kafka 4.1's consumer of the new protocol, holding records it
 * fetched ahead for a partition now paused, returns from its wait at once and polls again
 * and again until the poll's timeout: a core taken for as long as the pause lasts
 * (KAFKA-21084). The classic consumer waits. Its timeouts are the makers' classic ones,
 * within the brokers' {@code group.min.session.timeout.ms}; partitions move one at a time
 * (cooperative), so a rebalance hands over only what changes owner. A group with no
 * committed offset on a partition (a new group, or its offset gone from the brokers)
 * reads it from its start: reading from its end would pass over every delivery open on
 * it.
 */
final class DispatchConsumer {

	private DispatchConsumer() {
	}

	/**
	 * The consumer properties the dispatch container sets over the service's own.
	 * @return a new copy
	 */
	static Properties properties() {
		Properties properties = new Properties();
		properties.setProperty(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
		properties.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
		properties.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
		properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.setProperty(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
				CooperativeStickyAssignor.class.getName());
		return properties;
	}

}
