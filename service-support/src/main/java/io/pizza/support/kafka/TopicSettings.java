package io.pizza.support.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.config.TopicBuilder;

/**
 * A topic a service owns and declares, as its settings describe it: the same shape in
 * every service, and checked against the platform's description of the system's topics.
 *
 * @param replicas copies of each partition
 * @param retention how long its records are kept
 * @param retentionBytes how many bytes each partition keeps at most, if bounded
 * @param segment how long a segment is written before a new one starts, if not Kafka's
 * week (retention deletes whole segments)
 */
public record TopicSettings(@NotBlank String name, @Min(1) int partitions, @Min(1) short replicas,
		@NotNull Duration retention, @Nullable Long retentionBytes, @Nullable Duration segment) {

	/**
	 * The topic, for Spring Kafka's admin to create at start-up when it is missing.
	 * @return the topic
	 */
	public NewTopic newTopic() {
		TopicBuilder topic = TopicBuilder.name(this.name)
			.partitions(this.partitions)
			.replicas(this.replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(this.retention.toMillis()));
		if (this.retentionBytes != null) {
			topic.config(TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(this.retentionBytes));
		}
		if (this.segment != null) {
			topic.config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(this.segment.toMillis()));
		}
		return topic.build();
	}

}
