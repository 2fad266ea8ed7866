package io.pizza.platform.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the settings come from, each over the one before: the defaults
 * ({@code defaults.properties} beside this class), the project's settings file, then any
 * overrides given.
 */
final class SettingsSources {

	private SettingsSources() {
	}

	static Properties read(Path file, Properties overrides) {
		Properties properties = new Properties();
		try (InputStream defaults = SettingsSources.class.getResourceAsStream("defaults.properties")) {
			properties.load(defaults);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		properties.putAll(overrides);
		return properties;
	}

}
