package io.pizza.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pizza.platform.Platform;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;

/**
 * A clock skewed: an instance started again with {@code libfaketime}, noted in the state
 * folder so that {@code heal} starts it again without, from another run of the command.
 */
final class SkewedClocks {

	// where Debian's and Ubuntu's faketime package puts it, on any architecture, or a
	// build of its own
	private static final List<Path> LIBFAKETIME = List.of(Path.of("/usr/lib"), Path.of("/usr/local/lib"));

	private final Platform platform;

	private final Duration skew;

	private final Consumer<String> out;

	SkewedClocks(Platform platform, Duration skew, Consumer<String> out) {
		this.platform = platform;
		this.skew = skew;
		this.out = out;
	}

	/**
	 * Starts an instance again with its clock ahead.
	 */
	void skew(Instance instance) {
		Path libfaketime = libfaketime()
			.orElseThrow(() -> new PlatformException("A skewed clock takes libfaketime: apt-get install faketime"));
		this.platform.kill(instance, false);
		String ahead = "+" + this.skew.toSeconds() + "s";
		this.platform.start(instance,
				Map.of("LD_PRELOAD", libfaketime.toString(), "FAKETIME", ahead, "FAKETIME_DONT_FAKE_MONOTONIC", "1"));
		note(skewed(), instance.name());
		this.out.accept(instance + " started again with its clock " + ahead + " ahead: its orders are placed, and "
				+ "their records stamped, in its future; the brokers keep records stamped up to an hour ahead "
				+ "(log.message.timestamp.after.max.ms).");
	}

	/**
	 * Starts every instance whose clock was skewed again on this machine's clock.
	 * @return what was healed
	 */
	List<String> heal() {
		List<String> healed = new ArrayList<>();
		for (String name : read(skewed())) {
			Instance instance = this.platform.settings().instance(name).orElseThrow();
			this.platform.kill(instance, false);
			this.platform.start(instance);
			healed.add(name + " started again on this machine's clock");
		}
		note(skewed(), null);
		return healed;
	}

	private static Optional<Path> libfaketime() {
		for (Path lib : LIBFAKETIME) {
			try (Stream<Path> found = Files.find(lib, 3,
					(path, attributes) -> path.endsWith("faketime/libfaketimeMT.so.1") && attributes.isRegularFile())) {
				Optional<Path> first = found.findFirst();
				if (first.isPresent()) {
					return first;
				}
			}
			catch (IOException | UncheckedIOException ex) {
				// no such folder here, or one not to be read
			}
		}
		return Optional.empty();
	}

	private Path skewed() {
		return this.platform.settings().stateDir().resolve("faults/skewed");
	}

	private static List<String> read(Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file).stream().filter((l) -> !l.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void note(Path file, String name) {
		try {
			Files.createDirectories(file.getParent());
			List<String> names = new ArrayList<>((name != null) ? read(file) : List.of());
			if (name != null) {
				names.add(name);
			}
			Files.writeString(file, String.join("\n", names));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
