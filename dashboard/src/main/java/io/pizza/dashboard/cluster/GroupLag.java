package io.pizza.dashboard.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a group is behind on each partition it reads, and who reads it.
 */
final class GroupLag {

	private GroupLag() {
	}

	/**
	 * Each partition of the topics the group reads, with its committed offset, its end
	 * and the instance that owns it: a group reads whole topics, so each partition of
	 * them counts, committed or not.
	 * @param committed the group's committed offsets
	 * @param owners the instance owning each assigned partition
	 * @param ends every partition's end offset
	 * @return a lag per partition, in topic and partition order
	 */
	static List<Snapshot.Lag> of(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, String> owners,
			Map<TopicPartition, Long> ends) {
		Set<TopicPartition> read = new TreeSet<>(
				Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
		read.addAll(committed.keySet());
		read.addAll(owners.keySet());
		Set<String> topics = read.stream().map(TopicPartition::topic).collect(Collectors.toSet());
		ends.keySet().stream().filter((partition) -> topics.contains(partition.topic())).forEach(read::add);
		return read.stream().map((partition) -> {
			OffsetAndMetadata offset = committed.get(partition);
			long end = ends.getOrDefault(partition, 0L);
			Long at = (offset != null) ? offset.offset() : null;
			return new Snapshot.Lag(partition.topic(), partition.partition(), at, end,
					(at != null) ? Math.max(0, end - at) : end, owners.get(partition));
		}).toList();
	}

}
