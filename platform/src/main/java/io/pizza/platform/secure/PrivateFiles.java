package io.pizza.platform.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files of keys, passwords and certificates: a secret readable by its owner only, in
 * folders only its owner may open.
 */
final class PrivateFiles {

	private PrivateFiles() {
	}

	/**
	 * Writes a file only its owner may read, in a folder only its owner may open.
	 * @param file where
	 * @param text what
	 */
	static void writeSecret(Path file, String text) {
		createFolder(file.getParent());
		write(file, text, true);
	}

	/**
	 * Writes a file anew, readable by its owner only when it is a secret.
	 * @param file where
	 * @param text what
	 * @param secret whether others may not read it
	 */
	static void write(Path file, String text, boolean secret) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			Files.createFile(file);
			if (secret && posix(file)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			try (Writer writer = Files.newBufferedWriter(file)) {
				writer.write(text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes a folder only its owner may open.
	 */
	static void createFolder(Path folder) {
		try {
			Files.createDirectories(folder);
			if (posix(folder)) {
				Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
