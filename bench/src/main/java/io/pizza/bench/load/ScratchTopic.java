package io.pizza.bench.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic made for one measure, shaped like another (the same partitions, replicas and
 * {@code min.insync.replicas}), made anew if one was left behind, deleted afterwards.
 *
 * @param admin the cluster's admin client
 * @param name the topic's name
 */
record ScratchTopic(Admin admin, String name) {

	/**
	 * Makes a topic shaped like another.
	 * @param admin the cluster's admin client
	 * @param model the topic it is shaped like
	 * @return the topic, made
	 */
	static ScratchTopic shapedLike(Admin admin, String model, String name) {
		ScratchTopic scratch = new ScratchTopic(admin, name);
		try {
			TopicDescription shape = admin.describeTopics(List.of(model)).allTopicNames().get().get(model);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, model);
			ConfigEntry minInSync = admin.describeConfigs(List.of(resource))
				.all()
				.get()
				.get(resource)
				.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
			scratch.delete();
			admin.createTopics(List
				.of(new NewTopic(name, shape.partitions().size(), (short) shape.partitions().get(0).replicas().size())
					.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync.value()))))
				.all()
				.get();
			return scratch;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not create topic " + name + ": " + ex.getCause(), ex);
		}
	}

	/**
	 * Deletes the topic, if it is there.
	 */
	void delete() {
		try {
			if (this.admin.listTopics().names().get().contains(this.name)) {
				this.admin.deleteTopics(List.of(this.name)).all().get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not delete topic " + this.name + ": " + ex.getCause(), ex);
		}
	}

}
