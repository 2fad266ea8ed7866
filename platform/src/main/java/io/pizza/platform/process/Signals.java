package io.pizza.platform.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.pizza.platform.system.PlatformException;

/**
 * Signals a process and waits for it to end: the few calls every stop and every fault
 * makes.
 */
public final class Signals {

	private Signals() {
	}

	/**
	 * Sends a signal to a process.
	 * @param signal the signal's name, such as {@code TERM}, {@code INT} or {@code KILL}
	 */
	public static void signal(ProcessHandle process, String signal) {
		switch (signal) {
			case "TERM" -> process.destroy();
			case "KILL" -> process.destroyForcibly();
			default -> run(List.of("kill", "-" + signal, Long.toString(process.pid())));
		}
	}

	/**
	 * Waits for processes to end.
	 * @param timeout how long to wait for all of them
	 * @return whether all ended in time
	 */
	public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ProcessHandle process : processes) {
			long left = deadline - System.nanoTime();
			try {
				process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				if (process.isAlive()) {
					return false;
				}
			}
		}
		return true;
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new PlatformException(String.join(" ", command) + " failed: " + output.strip());
			}
		}
		catch (IOException ex) {
			throw new PlatformException(String.join(" ", command) + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

}
