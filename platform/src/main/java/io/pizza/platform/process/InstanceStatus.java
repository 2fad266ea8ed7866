package io.pizza.platform.process;

import io.pizza.platform.settings.Instance;

/**
 * What {@code status} knows of one instance.
 *
 * @param pid its process id, {@code 0} when it does not run
 * @param health {@code UP}, {@code DOWN}, {@code -} (not answering) or {@code stopped}
 * @param role a broker's role in the KRaft quorum, empty for the others
 */
public record InstanceStatus(Instance instance, long pid, String health, String role) {

	public boolean running() {
		return this.pid != 0;
	}

	public boolean healthy() {
		return "UP".equals(this.health);
	}

}
