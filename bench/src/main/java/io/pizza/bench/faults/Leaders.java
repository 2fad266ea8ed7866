package io.pizza.bench.faults;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.kafka.Topics;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Which broker leads now: an orders partition, or the KRaft quorum, as the cluster says
 * at the moment a fault is caused.
 */
final class Leaders {

	private final Admin admin;

	private final List<Instance> brokers;

	Leaders(Admin admin, List<Instance> brokers) {
		this.admin = admin;
		this.brokers = brokers;
	}

	Instance of(int partition) {
		try {
			TopicPartitionInfo info = this.admin.describeTopics(List.of(Topics.ORDERS))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(Topics.ORDERS)
				.partitions()
				.get(partition);
			if (info.leader() == null || info.leader().isEmpty()) {
				throw new PlatformException(Topics.ORDERS + "-" + partition + " has no leader now");
			}
			return broker(info.leader().id());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not describe " + Topics.ORDERS + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	Instance quorum() {
		try {
			return broker(this.admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not describe the quorum: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private Instance broker(int nodeId) {
		return this.brokers.stream().filter((broker) -> broker.nodeId() == nodeId).findFirst().orElseThrow();
	}

}
