package io.pizza.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.system.PlatformException;

/**
 * What {@code wrk --latency} prints, read: the answers and their rate, the latency's
 * percentiles, the answers that were not 2xx or 3xx, the socket errors, and the answers
 * by status that {@link WrkOrdersScript} counts.
 */
final class WrkOutput {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(\\w+),");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern STATUSES = Pattern.compile("^statuses: (.*)$", Pattern.MULTILINE);

	private WrkOutput() {
	}

	static ClosedLoop.Result parse(String what, int connections, String output) {
		Matcher requests = REQUESTS.matcher(output);
		Matcher rate = RATE.matcher(output);
		if (!requests.find() || !rate.find()) {
			throw new PlatformException("wrk's summary not found in: " + output);
		}
		Map<Integer, Double> percentiles = new LinkedHashMap<>();
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			percentiles.put(Integer.parseInt(percentile.group(1)),
					millis(Double.parseDouble(percentile.group(2)), percentile.group(3)));
		}
		long errors = 0;
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socket.group(group));
			}
		}
		Matcher non2xx = NON_2XX.matcher(output);
		Matcher statuses = STATUSES.matcher(output);
		Map<String, Long> byStatus = new LinkedHashMap<>();
		if (statuses.find() && !statuses.group(1).isBlank()) {
			for (String part : statuses.group(1).trim().split(" ")) {
				String[] pair = part.split("=");
				byStatus.put(pair[0], Long.parseLong(pair[1]));
			}
		}
		return new ClosedLoop.Result(what, connections, Long.parseLong(requests.group(1)),
				Double.parseDouble(rate.group(1)), percentiles.getOrDefault(50, Double.NaN),
				percentiles.getOrDefault(99, Double.NaN), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors,
				byStatus);
	}

	private static double millis(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

}
