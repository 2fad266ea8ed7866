package io.pizza.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the ten slowest test classes of the build that runs it, the last thing
 * {@code ./mvnw verify} does: read from every module's Surefire reports written since
 * this JVM, Maven's own, started. Those are the classes to make faster first.
 */
public final class SlowestTestClasses {

	private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*?name=\"([^\"]+)\"[^>]*?time=\"([0-9.,]+)\"");

	private static final int SHOWN = 10;

	private SlowestTestClasses() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
		long since = ManagementFactory.getRuntimeMXBean().getStartTime();
		List<Timing> timings = reports(root, since).stream()
			.map(SlowestTestClasses::timing)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingDouble(Timing::seconds).reversed())
			.toList();
		if (timings.isEmpty()) {
			return;
		}
		double total = timings.stream().mapToDouble(Timing::seconds).sum();
		System.out.printf(Locale.ROOT, "The %d slowest of the %d test classes run (%.0f s in all):%n",
				Math.min(SHOWN, timings.size()), timings.size(), total);
		timings.stream()
			.limit(SHOWN)
			.forEach((timing) -> System.out.printf(Locale.ROOT, "%8.1f s  %-26s %s%n", timing.seconds(),
					timing.module(), timing.testClass()));
	}

	private static List<Path> reports(Path root, long since) throws IOException {
		try (Stream<Path> modules = Files.list(root)) {
			return modules.map((module) -> module.resolve("target/surefire-reports"))
				.filter(Files::isDirectory)
				.flatMap(SlowestTestClasses::files)
				.filter((file) -> file.getFileName().toString().matches("TEST-.*\\.xml"))
				.filter((file) -> modifiedAfter(file, since))
				.toList();
		}
	}

	private static Stream<Path> files(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean modifiedAfter(Path file, long since) {
		try {
			return Files.getLastModifiedTime(file).toMillis() >= since;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<Timing> timing(Path report) {
		try {
			Matcher suite = SUITE.matcher(Files.readString(report));
			if (!suite.find()) {
				return Optional.empty();
			}
			String name = suite.group(1);
			String module = report.getParent().getParent().getParent().getFileName().toString();
			return Optional.of(new Timing(module, name.substring(name.lastIndexOf('.') + 1),
					Double.parseDouble(suite.group(2).replace(",", ""))));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private record Timing(String module, String testClass, double seconds) {
	}

}
