package io.pizza.platform.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pizza.platform.system.PlatformException;

/**
 * The {@code ip} command of iproute2, run to its end: what makes and removes the
 * platform's namespaces, links and routes.
 */
final class Ip {

	private Ip() {
	}

	/**
	 * Runs {@code ip} with some arguments.
	 * @return what it printed
	 * @throws PlatformException when it failed, with what it said
	 */
	static String run(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add("ip");
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new PlatformException(String.join(" ", command) + " failed: " + output.strip());
			}
			return output;
		}
		catch (IOException ex) {
			throw new PlatformException(String.join(" ", command) + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	/**
	 * Runs {@code ip} and ignores its failure: for removing what may not be there.
	 */
	static void quietly(String... arguments) {
		try {
			run(arguments);
		}
		catch (PlatformException ex) {
			// not there: nothing to remove
		}
	}

	/**
	 * Whether this process may make network namespaces: root, with iproute2.
	 * @return why it may not, or empty when it may
	 */
	static Optional<String> cannotMakeNamespaces() {
		if (!"root".equals(System.getProperty("user.name"))) {
			return Optional.of("it makes network namespaces, which takes root");
		}
		try {
			run("netns", "list");
			return Optional.empty();
		}
		catch (PlatformException ex) {
			return Optional.of("iproute2's ip netns does not work here (" + ex.getMessage() + ")");
		}
	}

}
