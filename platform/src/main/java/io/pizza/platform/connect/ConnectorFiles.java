package io.pizza.platform.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connectors' config files in the repository, one connector each, as Connect's REST
 * API takes them: a {@code name} and a {@code config} object. The same files serve
 * {@code ./pizza up} and docker compose.
 */
public final class ConnectorFiles {

	/** Their folder, in the repository. */
	public static final String FOLDER = "kafka-connect/connectors";

	private ConnectorFiles() {
	}

	/**
	 * The connectors' files of a project.
	 * @param root the project's root folder
	 * @return the files, by name
	 */
	static List<Path> in(Path root) {
		Path folder = root.resolve(FOLDER);
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new PlatformException("Could not read " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads one connector's file.
	 * @param json the mapper to read it with
	 * @return the connector, with its {@code name} and {@code config}
	 * @throws PlatformException when the file holds no connector
	 */
	static JsonNode read(Path file, JsonMapper json) {
		try {
			JsonNode connector = json.readTree(Files.readString(file));
			if (!connector.hasNonNull("name") || !connector.path("config").isObject()) {
				throw new PlatformException(file + " is no connector: it needs a \"name\" and a \"config\" object");
			}
			return connector;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
