package io.pizza.platform.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.pizza.platform.system.PlatformException;

/**
 * The mode the platform runs in, as the {@code mode} setting says, else as {@code up}
 * last recorded in the state folder, else plaintext.
 */
final class Mode {

	static final String SECURE = "secure";

	static final String PLAINTEXT = "plaintext";

	private Mode() {
	}

	static boolean secure(String setting, Path stateDir) {
		String mode = (setting != null) ? setting : recorded(stateDir).orElse(PLAINTEXT);
		if (!mode.equals(SECURE) && !mode.equals(PLAINTEXT)) {
			throw new PlatformException("Unknown mode '" + mode + "': " + SECURE + " or " + PLAINTEXT);
		}
		return mode.equals(SECURE);
	}

	static Optional<String> recorded(Path stateDir) {
		Path file = stateDir.resolve("mode");
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void record(Path stateDir, boolean secure) {
		try {
			Files.createDirectories(stateDir);
			Files.writeString(stateDir.resolve("mode"), (secure ? SECURE : PLAINTEXT) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
