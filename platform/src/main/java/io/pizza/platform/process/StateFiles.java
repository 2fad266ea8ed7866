package io.pizza.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The files the platform writes into its state folder for the processes it starts, and
 * the folder itself: its owner's alone (0700), as everything it holds is (the brokers'
 * data holds every customer's name, phone and address).
 */
public final class StateFiles {

	private StateFiles() {
	}

	/**
	 * Makes a folder, or makes an existing one, its owner's alone: nothing beneath it can
	 * be reached by anyone else, whatever the modes of the files in it.
	 * @return the folder
	 */
	public static Path ownerOnly(Path folder) {
		try {
			Files.createDirectories(folder);
			if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return folder;
	}

	/**
	 * A log file of the platform's: its owner's alone (0600), in folders its owner's
	 * alone.
	 * @param stateDir the state folder
	 * @param log the file
	 * @return the file
	 */
	public static Path privateLog(Path stateDir, Path log) {
		ownerOnly(stateDir);
		ownerOnly(log.getParent());
		try {
			if (!Files.exists(log)) {
				Files.createFile(log);
			}
			Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return log;
	}

	/**
	 * Writes a properties file made from the platform's settings.
	 * @param file where
	 * @param properties its keys and values, in order
	 * @return the file
	 */
	public static Path writeProperties(Path file, Map<String, String> properties) {
		StringBuilder text = new StringBuilder(
				"# written by ./pizza from pizza.properties: edit that file, not this one\n");
		properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return writeText(file, text.toString());
	}

	/**
	 * Writes a text file.
	 * @param file where
	 * @param text what
	 * @return the file
	 */
	public static Path writeText(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Copies one of the platform's resources, such as a logging configuration.
	 * @param resource the resource's name on the classpath
	 * @param file where
	 * @return the file
	 */
	public static Path copyResource(String resource, Path file) {
		try (InputStream in = StateFiles.class.getResourceAsStream(resource)) {
			Files.createDirectories(file.getParent());
			Files.write(file, in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
