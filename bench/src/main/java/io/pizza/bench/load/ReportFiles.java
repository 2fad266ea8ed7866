package io.pizza.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports as JSON files under {@code bench/results/}, named by kind and start time.
 */
final class ReportFiles {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private ReportFiles() {
	}

	static Path write(Path folder, String kind, Instant startedAt, Object report) {
		try {
			Files.createDirectories(folder);
			Path file = folder.resolve(kind + "-" + STAMP.format(startedAt) + ".json");
			Files.writeString(file, json.writeValueAsString(report));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a measurement ran on.
	 * @return the system, its cores and the Java that measured
	 */
	static String thisMachine() {
		return "%s %s, %d cores, Java %s".formatted(System.getProperty("os.name"), System.getProperty("os.arch"),
				Runtime.getRuntime().availableProcessors(), Runtime.version());
	}

}
