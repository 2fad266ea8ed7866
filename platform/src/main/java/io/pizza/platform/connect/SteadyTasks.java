package io.pizza.platform.connect;

import java.time.Duration;
import java.util.List;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;

/**
 * Restarts a worker's failed tasks until every connector and task has run for a while in
 * a row: a single restart can find nothing failed yet and a task fail a moment later
 * (seen half a second after PostgreSQL started again, on a connection from before it was
 * killed, before the sink's pool tested its connections as it hands them out).
 */
public final class SteadyTasks {

	private SteadyTasks() {
	}

	/**
	 * Restarts failed tasks until everything has run for {@code steady} in a row.
	 * @param connectors the worker's connectors
	 * @param steady how long everything must run in a row
	 * @param timeout how long to keep at it
	 * @throws PlatformException when tasks still fail or do not run after the timeout
	 */
	public static void restartUntilSteady(Connectors connectors, Instance worker, Duration steady, Duration timeout) {
		long[] runningSince = { System.nanoTime() };
		Polling.until(timeout, Duration.ofMillis(250), () -> {
			List<ConnectorStatus> statuses = connectors.list(worker);
			if (statuses.stream().anyMatch((c) -> c.state().equals("FAILED") || c.tasks().contains("FAILED"))) {
				connectors.restartFailed(worker);
				runningSince[0] = System.nanoTime();
				return false;
			}
			if (!statuses.stream().allMatch(SteadyTasks::running)) {
				runningSince[0] = System.nanoTime();
				return false;
			}
			return System.nanoTime() - runningSince[0] >= steady.toNanos();
		}, () -> "its tasks did not run steadily for " + steady + " within " + timeout);
	}

	private static boolean running(ConnectorStatus connector) {
		return connector.state().equals("RUNNING")
				&& connector.tasks().stream().allMatch((task) -> task.equals("RUNNING"));
	}

}
