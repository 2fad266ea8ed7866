package io.pizza.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The system's {@link Topics} that the cluster does not have yet, created one by one; a
 * topic that is there already is left as it is.
 */
final class MissingTopics {

	private MissingTopics() {
	}

	static List<String> create(Admin admin) {
		List<String> created = new ArrayList<>();
		try {
			for (TopicSpec topic : Topics.all()) {
				try {
					admin.createTopics(List.of(topic.toNewTopic())).all().get(30, TimeUnit.SECONDS);
					created.add(topic.name());
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new PlatformException(
								"Could not create topic " + topic.name() + ": " + ex.getCause().getMessage(), ex);
					}
				}
			}
		}
		catch (TimeoutException ex) {
			throw new PlatformException("Creating topics timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		return created;
	}

}
