package io.pizza.platform.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import picocli.CommandLine.Help.Ansi;

/**
 * What the command prints: progress lines, tables and errors, coloured on a terminal.
 */
public final class Console {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private Console() {
	}

	/**
	 * Prints a line of progress, after the time of day.
	 * @param message the line
	 */
	public static void progress(String message) {
		System.out.println(Ansi.AUTO.string("@|faint " + LocalTime.now().format(TIME) + "|@ " + message));
	}

	/**
	 * Prints an error.
	 * @param message what went wrong
	 */
	public static void error(String message) {
		System.err.println(Ansi.AUTO.string("@|bold,red error:|@ ") + message);
	}

	static String colour(String text, String style) {
		return Ansi.AUTO.string("@|" + style + " " + text.replace("|@", "") + "|@");
	}

}
