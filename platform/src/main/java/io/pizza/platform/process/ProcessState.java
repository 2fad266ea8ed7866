package io.pizza.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process is doing as the kernel says, which the JVM alone cannot tell: dead but
 * not yet reaped, or stopped by a signal.
 */
public final class ProcessState {

	private ProcessState() {
	}

	// killed, not yet reaped: a zombie is alive to the JVM, and has no arguments left
	static boolean isDead(ProcessHandle process) {
		char state = state(process);
		return (state == '?') ? !process.isAlive() : state == 'Z' || state == 'X';
	}

	/**
	 * Tells whether a process is stopped by a signal ({@code SIGSTOP}, as
	 * {@code ./pizza fault} pauses a broker): it hears no other signal until it goes on.
	 * @return whether it is stopped
	 */
	public static boolean isPaused(ProcessHandle process) {
		return state(process) == 'T';
	}

	// the state letter of /proc/<pid>/stat, '?' without /proc or when the process just
	// went
	private static char state(ProcessHandle process) {
		Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
		try {
			String line = Files.readString(stat);
			int end = line.lastIndexOf(')');
			return (end > 0 && end + 2 < line.length()) ? line.charAt(end + 2) : '?';
		}
		catch (IOException ex) {
			return '?';
		}
	}

}
