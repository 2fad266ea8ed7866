package io.pizza.platform.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What the cluster says of itself while a fault lasts, told as it changes: each partition
 * of the orders topic's leader, its leader epoch and its in-sync replicas, and the KRaft
 * quorum's leader and epoch. A line for each change, so a reader sees the ISR shrink, a
 * leader fenced and a new one elected, as the talk tells it.
 */
public final class ClusterWatch {

	private static final String TOPIC = Topics.ORDERS;

	private final Admin admin;

	private final Consumer<String> out;

	private Map<String, String> last = Map.of();

	/**
	 * A watch that asks an admin client and tells a console.
	 * @param admin a client on the cluster
	 * @param out where each change is told
	 */
	public ClusterWatch(Admin admin, Consumer<String> out) {
		this.admin = admin;
		this.out = out;
	}

	/**
	 * Tells the cluster as it is now, every part of it.
	 * @return the state told
	 */
	public Map<String, String> tellAll() {
		this.last = Map.of();
		return tellChanges();
	}

	/**
	 * Tells what changed since the last look.
	 * @return the state now
	 */
	public Map<String, String> tellChanges() {
		Map<String, String> now = look();
		now.forEach((what, state) -> {
			if (!Objects.equals(this.last.get(what), state)) {
				this.out.accept(what + ": " + state);
			}
		});
		this.last = now;
		return now;
	}

	/**
	 * Tells changes until the cluster shows something, or a while has passed.
	 * @param atMost how long to watch
	 * @param until what ends the watch early
	 * @return whether it was seen
	 */
	public boolean watch(Duration atMost, Predicate<Map<String, String>> until) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			if (until.test(tellChanges())) {
				return true;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	// what could not be asked this time keeps its last answer: a broker cut off answers
	// nothing, and says nothing new
	private Map<String, String> look() {
		Map<String, String> state = new LinkedHashMap<>();
		quorum().or(() -> Optional.ofNullable(this.last.get("quorum")))
			.ifPresent((quorum) -> state.put("quorum", quorum));
		try {
			TopicDescription topic = this.admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get(3, TimeUnit.SECONDS)
				.get(TOPIC);
			Map<TopicPartition, Integer> epochs = epochs(topic);
			for (TopicPartitionInfo partition : topic.partitions()) {
				TopicPartition name = new TopicPartition(TOPIC, partition.partition());
				String leader = (partition.leader() != null && !partition.leader().isEmpty())
						? "kafka-" + partition.leader().id() : "none";
				state.put(name.toString(),
						"leader " + leader
								+ Optional.ofNullable(epochs.get(name)).map((e) -> " (epoch " + e + ")").orElse("")
								+ ", ISR " + names(partition.isr()));
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			this.last.forEach((what, known) -> state.putIfAbsent(what, known));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return state;
	}

	// a partition's leader epoch, as its leader gives it with its end offset
	private Map<TopicPartition, Integer> epochs(TopicDescription topic) {
		Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
		topic.partitions().forEach((p) -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
		Map<TopicPartition, Integer> epochs = new LinkedHashMap<>();
		ListOffsetsResult offsets = this.admin.listOffsets(latest);
		latest.keySet().forEach((partition) -> {
			try {
				offsets.partitionResult(partition)
					.get(2, TimeUnit.SECONDS)
					.leaderEpoch()
					.ifPresent((epoch) -> epochs.put(partition, epoch));
			}
			catch (ExecutionException | TimeoutException ex) {
				// no leader answers for it now
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return epochs;
	}

	private Optional<String> quorum() {
		try {
			QuorumInfo quorum = this.admin.describeMetadataQuorum().quorumInfo().get(3, TimeUnit.SECONDS);
			return Optional.of("leader kafka-" + quorum.leaderId() + " (epoch " + quorum.leaderEpoch() + ")");
		}
		catch (ExecutionException | TimeoutException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static String names(List<Node> nodes) {
		List<String> names = new ArrayList<>();
		nodes.forEach((node) -> names.add("kafka-" + node.id()));
		return names.stream().collect(Collectors.joining(", ", "[", "]"));
	}

}
