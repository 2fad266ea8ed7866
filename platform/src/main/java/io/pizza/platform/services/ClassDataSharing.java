package io.pizza.platform.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.pizza.platform.process.Processes;
import io.pizza.platform.process.StateFiles;
import io.pizza.platform.settings.PlatformSettings;

/**
 * Makes the services start about twice as fast on a small machine: once per build, each
 * service's jar is extracted and a training run (Spring's
 * {@code spring.context.exit=onRefresh}) records the classes it loads in a class data
 * sharing archive, which every later start maps instead of loading those classes again. A
 * service whose archive could not be made simply starts from its jar.
 */
final class ClassDataSharing {

	private static final String ARCHIVE = "app.jsa";

	private final PlatformSettings settings;

	ClassDataSharing(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * The archive of a module, when one was made from its current jar.
	 * @param module the service's module
	 * @param jar its jar
	 * @return the extracted jar and its archive
	 */
	Optional<Archive> archive(String module, Path jar) {
		Path dir = dir(module);
		try {
			if (Files.isRegularFile(dir.resolve(ARCHIVE)) && Files.isRegularFile(stamp(module))
					&& Files.readString(stamp(module)).equals(fingerprint(jar))) {
				return Optional.of(new Archive(dir.resolve(module + ".jar"), dir.resolve(ARCHIVE)));
			}
		}
		catch (IOException ex) {
			// no usable archive
		}
		return Optional.empty();
	}

	/**
	 * Makes the archive of a module: extracts its jar and runs it once up to the end of
	 * its context's refresh. Needs the brokers and the database, as the service does.
	 * @param module the service's module
	 * @param jar its jar
	 * @param jvmOptions the options the service runs with
	 * @param environment the service's environment
	 * @param where how the training run's command runs where the service does (its
	 * namespace on the platform's own network)
	 * @return whether the archive was made
	 */
	boolean make(String module, Path jar, List<String> jvmOptions, Map<String, String> environment,
			UnaryOperator<List<String>> where) {
		Path dir = dir(module);
		Path log = StateFiles.privateLog(this.settings.stateDir(),
				this.settings.logsDir().resolve(module + "-cds.log"));
		try {
			delete(dir);
			Files.createDirectories(dir);
			if (!run(List.of(Processes.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					dir.toString()), Map.of(), log)) {
				return false;
			}
			List<String> training = new ArrayList<>();
			training.add(Processes.java());
			training.addAll(jvmOptions);
			training.addAll(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve(ARCHIVE),
					"-Dspring.context.exit=onRefresh", "-jar", dir.resolve(module + ".jar").toString()));
			if (!run(where.apply(training), environment, log) || !Files.isRegularFile(dir.resolve(ARCHIVE))) {
				return false;
			}
			Files.writeString(stamp(module), fingerprint(jar));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean run(List<String> command, Map<String, String> environment, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Processes.privately(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
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

	private Path dir(String module) {
		return this.settings.stateDir().resolve("cds").resolve(module);
	}

	private Path stamp(String module) {
		return dir(module).resolve("jar.stamp");
	}

	private static String fingerprint(Path jar) throws IOException {
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

	/**
	 * A service's extracted jar and the archive of its classes.
	 *
	 * @param jar the extracted jar to run
	 * @param archive the archive to map
	 */
	record Archive(Path jar, Path archive) {
	}

}
