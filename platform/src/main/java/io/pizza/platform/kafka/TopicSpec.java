package io.pizza.platform.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic the platform creates before the services start.
 *
 * @param name the topic's name
 * @param replicationFactor its replicas
 * @param configs its topic-level configs, such as {@code retention.ms}
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

	NewTopic toNewTopic() {
		return new NewTopic(this.name, this.partitions, this.replicationFactor).configs(this.configs);
	}

}
