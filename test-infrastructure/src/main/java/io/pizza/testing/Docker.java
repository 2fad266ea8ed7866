package io.pizza.testing;

import org.testcontainers.DockerClientFactory;

/**
 * Answers, once per JVM, whether a Docker engine is there for Testcontainers.
 */
public final class Docker {

	private static volatile Boolean available;

	private Docker() {
	}

	/**
	 * Whether Testcontainers can start containers here.
	 * @return {@code true} when a Docker engine answers
	 */
	public static boolean isAvailable() {
		Boolean result = available;
		if (result == null) {
			result = probe();
			available = result;
		}
		return result;
	}

	private static boolean probe() {
		if (Boolean.getBoolean("pizza.tests.embedded")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
