package io.pizza.platform.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The TLS material of an earlier layout, where everything (the CA's key too) lay in one
 * folder every service read: removed, for everyone gets new material in a folder of its
 * own.
 */
final class SharedLayout {

	private SharedLayout() {
	}

	static void forget(Path folder) {
		if (!Files.isRegularFile(folder.resolve("ca.key"))) {
			return;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
