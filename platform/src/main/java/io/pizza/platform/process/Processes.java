package io.pizza.platform.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * Starts the platform's processes detached from the terminal, remembers their pids in the
 * state folder and finds them again, each only while it still is the instance it was
 * started as.
 */
public final class Processes {

	private static final File SETSID = new File("/usr/bin/setsid");

	private final PlatformSettings settings;

	private final PidFiles pids;

	public Processes(PlatformSettings settings) {
		this.settings = settings;
		this.pids = new PidFiles(settings.stateDir());
	}

	/**
	 * Starts a process in a session of its own (so that a Ctrl-C or a closed terminal
	 * does not reach it), its output appended to the instance's log file, everything it
	 * writes readable by its owner alone (umask 077), in a state folder only its owner
	 * may open.
	 * @param environment extra environment variables
	 * @return the process
	 */
	public Process start(Instance instance, List<String> command, Map<String, String> environment) {
		List<String> line = new ArrayList<>();
		if (SETSID.canExecute()) {
			line.add(SETSID.getPath());
		}
		line.addAll(CommandLines.privately(command));
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
			this.pids.write(instance, process.pid());
			return process;
		}
		catch (IOException ex) {
			throw new PlatformException("Could not start " + instance.name() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The log file of an instance, made its owner's alone, in a state folder only its
	 * owner may open.
	 * @return the file
	 */
	public Path logOf(Instance instance) {
		return StateFiles.privateLog(this.settings.stateDir(), this.settings.logFile(instance));
	}

	/**
	 * The running process of an instance, if any. A recorded pid is trusted only while
	 * the process behind it still carries the instance's marker, so a pid reused by the
	 * system is never taken for the instance.
	 * @return its process, when it runs
	 */
	public Optional<ProcessHandle> running(Instance instance) {
		Optional<Long> pid = this.pids.read(instance);
		if (pid.isEmpty()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid.get())
			.filter(ProcessHandle::isAlive)
			.filter((process) -> !ProcessState.isDead(process))
			.filter((process) -> isInstance(process, instance));
	}

	private boolean isInstance(ProcessHandle process, Instance instance) {
		if (instance.kind() == Kind.DATABASE) {
			return process.info().command().map((command) -> command.endsWith("postgres")).orElse(true);
		}
		return process.info()
			.arguments()
			.map((arguments) -> List.of(arguments).contains(CommandLines.MARKER + instance.name()))
			.orElse(true);
	}

	/**
	 * Notes the pid of an instance that was not started here, such as PostgreSQL's
	 * server, which its starter leaves behind.
	 * @param pid its process's id
	 */
	public void writePid(Instance instance, long pid) {
		this.pids.write(instance, pid);
	}

}
