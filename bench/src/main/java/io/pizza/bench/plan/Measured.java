package io.pizza.bench.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a bench report measured of the intake: orders a second in its closed loop, and the
 * milliseconds of CPU each process spent per order while it ran (the cores each used over
 * that run, over its orders a second). Read from a full {@code ./pizza bench} report
 * ({@code intake}) or a tracing comparison's arm with tracing on ({@code on}), as the
 * system runs.
 *
 * @param source the report's file name
 * @param ordersPerSecond the closed loop's orders a second
 * @param millisByPart CPU per order, by process; the makers' instances summed as
 * {@code pizza-makers}
 */
record Measured(String source, double ordersPerSecond, Map<String, Double> millisByPart) {

	static final String MAKERS = "pizza-makers";

	static Measured read(Path report) {
		try {
			JsonNode root = JsonMapper.shared().readTree(Files.readString(report));
			JsonNode intake = root.has("intake") ? root.get("intake") : root.path("on");
			double ordersPerSecond = intake.at("/orders/perSecond").asDouble();
			if (intake.at("/cpu/byPart").isMissingNode() || ordersPerSecond <= 0) {
				throw new IllegalArgumentException(report + " holds no intake's orders a second and CPU");
			}
			Map<String, Double> millis = new LinkedHashMap<>();
			intake.at("/cpu/byPart")
				.properties()
				.forEach((part) -> millis.merge(part.getKey().startsWith("pizza-maker") ? MAKERS : part.getKey(),
						part.getValue().asDouble() * 1000 / ordersPerSecond, Double::sum));
			return new Measured(report.getFileName().toString(), ordersPerSecond, millis);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * CPU per order of a process.
	 * @param part the process, as the bench names it
	 * @return milliseconds; 0 when it was not measured
	 */
	double millis(String part) {
		return this.millisByPart.getOrDefault(part, 0.0);
	}

}
