package io.pizza.platform.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * Starts the platform's processes detached from the terminal, remembers their pids in the
 * state folder and signals them.
 * <p>
 * Longer than most classes here: the pid files, the check that a pid is still the
 * instance it was written for, and the few calls every start and stop makes (signal, wait
 * for an exit) are read best together.
 */
public final class Processes {

	/** The system property that marks a JVM as an instance of the platform. */
	public static final String MARKER = "-Dpizza.instance=";

	private static final File SETSID = new File("/usr/bin/setsid");

	private final PlatformSettings settings;

	public Processes(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts a process in a session of its own (so that a Ctrl-C or a closed terminal
	 * does not reach it), its output appended to the instance's log file, everything it
	 * writes readable by its owner alone (umask 077), in a state folder only its owner
	 * may open.
	 * @param instance the instance
	 * @param command the command line
	 * @param environment extra environment variables
	 * @return the process
	 */
	public Process start(Instance instance, List<String> command, Map<String, String> environment) {
		List<String> line = new ArrayList<>();
		if (SETSID.canExecute()) {
			line.add(SETSID.getPath());
		}
		line.addAll(privately(command));
		try {
			Path log = logOf(instance);
			Files.writeString(log, "---- " + Instant.now() + " starting " + instance.name() + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(line).directory(this.settings.root().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			Process process = builder.start();
			writePid(instance, process.pid());
			return process;
		}
		catch (IOException ex) {
			throw new PlatformException("Could not start " + instance.name() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A command as it runs to write what it writes for its owner's eyes alone: the shell
	 * sets the mask and becomes the command, so the pid is the command's.
	 * @param command the command line
	 * @return the command line under {@code umask 077}
	 */
	public static List<String> privately(List<String> command) {
		List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "pizza"));
		line.addAll(command);
		return line;
	}

	/**
	 * The log file of an instance, made its owner's alone, in a state folder only its
	 * owner may open.
	 * @param instance the instance
	 * @return the file
	 */
	public Path logOf(Instance instance) {
		return StateFiles.privateLog(this.settings.stateDir(), this.settings.logFile(instance));
	}

	/**
	 * The running process of an instance, if any. A recorded pid is trusted only while
	 * the process behind it still carries the instance's marker, so a pid reused by the
	 * system is never taken for the instance.
	 * @param instance the instance
	 * @return its process, when it runs
	 */
	public Optional<ProcessHandle> running(Instance instance) {
		Optional<Long> pid = readPid(instance);
		if (pid.isEmpty()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid.get())
			.filter(ProcessHandle::isAlive)
			.filter((process) -> !isDead(process))
			.filter((process) -> isInstance(process, instance));
	}

	// killed, not yet reaped: a zombie is alive to the JVM, and has no arguments left
	static boolean isDead(ProcessHandle process) {
		char state = state(process);
		return (state == '?') ? !process.isAlive() : state == 'Z' || state == 'X';
	}

	/**
	 * Tells whether a process is stopped by a signal ({@code SIGSTOP}, as
	 * {@code ./pizza fault} pauses a broker): it hears no other signal until it goes on.
	 * @param process the process
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

	private boolean isInstance(ProcessHandle process, Instance instance) {
		if (instance.kind() == Kind.DATABASE) {
			return process.info().command().map((command) -> command.endsWith("postgres")).orElse(true);
		}
		return process.info()
			.arguments()
			.map((arguments) -> List.of(arguments).contains(MARKER + instance.name()))
			.orElse(true);
	}

	public void writePid(Instance instance, long pid) {
		try {
			Path file = pidFile(instance);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<Long> readPid(Instance instance) {
		Path file = pidFile(instance);
		try {
			return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).trim()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Path pidFile(Instance instance) {
		return this.settings.stateDir().resolve("run").resolve(instance.name() + ".pid");
	}

	/**
	 * Sends a signal to a process.
	 * @param process the process
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
	 * @param processes the processes
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

	/**
	 * Runs a short command to its end.
	 * @param command the command line
	 */
	static void run(List<String> command) {
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

	/**
	 * The java launcher of the running JVM, so that every process runs on the same Java.
	 * @return the path of {@code java}
	 */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
