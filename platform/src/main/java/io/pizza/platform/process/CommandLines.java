package io.pizza.platform.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the command line of each of the platform's processes begins: the same Java as
 * {@code ./pizza}'s, the mark that tells its instance, and the mask that keeps what it
 * writes its owner's.
 */
public final class CommandLines {

	/** The system property that marks a JVM as an instance of the platform. */
	public static final String MARKER = "-Dpizza.instance=";

	private CommandLines() {
	}

	/**
	 * The java launcher of the running JVM, so that every process runs on the same Java.
	 * @return the path of {@code java}
	 */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A command as it runs to write what it writes for its owner's eyes alone: the shell
	 * sets the mask and becomes the command, so the pid is the command's.
	 * @return the command line under {@code umask 077}
	 */
	public static List<String> privately(List<String> command) {
		List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "pizza"));
		line.addAll(command);
		return line;
	}

}
