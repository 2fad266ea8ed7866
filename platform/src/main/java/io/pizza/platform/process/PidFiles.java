package io.pizza.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.pizza.platform.settings.Instance;

/**
 * The pid of each instance, a file of the state folder's {@code run} folder, so that a
 * later {@code ./pizza} finds the processes an earlier one started.
 */
final class PidFiles {

	private final Path folder;

	PidFiles(Path stateDir) {
		this.folder = stateDir.resolve("run");
	}

	void write(Instance instance, long pid) {
		try {
			Path file = file(instance);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<Long> read(Instance instance) {
		Path file = file(instance);
		try {
			return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).trim()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Path file(Instance instance) {
		return this.folder.resolve(instance.name() + ".pid");
	}

}
