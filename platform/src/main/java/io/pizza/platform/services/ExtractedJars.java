package io.pizza.platform.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.PlatformSettings;

/**
 * Each service module's jar extracted once per build, its classes and libraries as plain
 * jars, which the JVM can archive: a folder per build, stamped with the jar it came from,
 * under the state folder's {@code cds}.
 */
final class ExtractedJars {

	private static final String STAMP = "jar.stamp";

	private final PlatformSettings settings;

	ExtractedJars(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * Extracts a module's jar into a folder of its build, when not done yet, and removes
	 * the folders of earlier builds that no running instance uses any more.
	 * @param module the service's module
	 * @return whether it is extracted
	 */
	boolean extract(String module, Path jar) {
		try {
			Path build = build(module, jar);
			if (Files.isRegularFile(build.resolve(STAMP))
					&& Files.readString(build.resolve(STAMP)).equals(fingerprint(jar))) {
				return true;
			}
			removeUnused(dir(module));
			delete(build);
			Files.createDirectories(build);
			if (!run(List.of(CommandLines.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					build.toString()), module)) {
				return false;
			}
			Files.writeString(build.resolve(STAMP), fingerprint(jar));
			return true;
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * The folder of a module's build: its extracted jar and the archives its instances
	 * wrote. An instance of an earlier build, still running, keeps its own.
	 * @param module the service's module
	 * @return the folder
	 */
	Path build(String module, Path jar) {
		try {
			return dir(module).resolve(Integer.toHexString(fingerprint(jar).hashCode()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void removeUnused(Path moduleDir) throws IOException {
		if (!Files.isDirectory(moduleDir)) {
			return;
		}
		try (Stream<Path> builds = Files.list(moduleDir)) {
			for (Path build : builds.toList()) {
				if (ProcessHandle.allProcesses().noneMatch((process) -> uses(process, build))) {
					delete(build);
				}
			}
		}
	}

	private static boolean uses(ProcessHandle process, Path build) {
		String folder = build + "/";
		return process.info()
			.arguments()
			.map((arguments) -> Arrays.stream(arguments).anyMatch((argument) -> argument.contains(folder)))
			.orElse(false);
	}

	private boolean run(List<String> command, String module) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(CommandLines.privately(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log(module).toFile()));
		Process process = builder.start();
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return false;
		}
	}

	private Path log(String module) {
		return StateFiles.privateLog(this.settings.stateDir(), this.settings.logsDir().resolve(module + "-cds.log"));
	}

	private Path dir(String module) {
		return this.settings.stateDir().resolve("cds").resolve(module);
	}

	static String fingerprint(Path jar) throws IOException {
		return Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() + ":" + Runtime.version();
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
