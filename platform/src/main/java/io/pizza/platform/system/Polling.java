package io.pizza.platform.system;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Looks at something until it is so: the one way the platform waits for a process, a
 * broker or a service to be ready.
 */
public final class Polling {

	private Polling() {
	}

	/**
	 * Asks {@code done} every {@code every} until it says yes.
	 * @param timeout how long to keep asking
	 * @param every the pause between two looks
	 * @param done whether it is so now
	 * @param timedOut what went wrong, when it never is
	 * @throws PlatformException with {@code timedOut}'s message once the time is up, or
	 * when interrupted
	 */
	public static void until(Duration timeout, Duration every, BooleanSupplier done, Supplier<String> timedOut) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new PlatformException(timedOut.get());
			}
			pause(every);
		}
	}

	/**
	 * Waits a moment between two looks at something that is not ready yet.
	 * @param pause how long
	 */
	public static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

}
