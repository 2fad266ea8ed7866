package io.pizza.platform.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.pizza.platform.system.PlatformException;

/**
 * A choice of two that {@code up} remembers in a file of the state folder named as its
 * setting: as the setting says, else as {@code up} last recorded, else the usual one. The
 * mode (plaintext or secure), the network (this machine's loopback or the platform's
 * own), the kitchen (the makers as a consumer group or a share group) and tracing (on or
 * off) are such choices.
 *
 * @param name the setting, and the file
 * @param usual the value when nothing says otherwise
 * @param other the other value
 */
record RecordedChoice(String name, String usual, String other) {

	static final RecordedChoice MODE = new RecordedChoice("mode", "plaintext", "secure");

	static final RecordedChoice NETWORK = new RecordedChoice("network", "loopback", "own");

	static final RecordedChoice KITCHEN = new RecordedChoice("kitchen", "group", "queue");

	static final RecordedChoice TRACING = new RecordedChoice("tracing", "on", "off");

	/**
	 * Whether the other value is chosen.
	 * @param setting the setting's value, if it is set
	 * @param stateDir the state folder
	 * @return whether it is
	 */
	boolean isOther(String setting, Path stateDir) {
		String value = (setting != null) ? setting : recorded(stateDir).orElse(this.usual);
		if (!value.equals(this.usual) && !value.equals(this.other)) {
			throw new PlatformException(
					"Unknown " + this.name + " '" + value + "': " + this.usual + " or " + this.other);
		}
		return value.equals(this.other);
	}

	Optional<String> recorded(Path stateDir) {
		Path file = stateDir.resolve(this.name);
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void record(Path stateDir, boolean other) {
		try {
			Files.createDirectories(stateDir);
			Files.writeString(stateDir.resolve(this.name), (other ? this.other : this.usual) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
