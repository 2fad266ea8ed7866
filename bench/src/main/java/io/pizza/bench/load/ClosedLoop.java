package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pizza.platform.system.PlatformException;

/**
 * A closed-loop load: {@code wrk} keeps {@code connections} requests in flight for a
 * while, each connection sending its next request as soon as the last is answered, so
 * what is measured is how many the service answers a second and how fast. A C program of
 * its own, it leaves the two cores to the service as much as a load can.
 * {@code POST /orders} sends fake orders, a different one each time, and counts the
 * answers by status.
 */
final class ClosedLoop {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(\\w+),");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern STATUSES = Pattern.compile("^statuses: (.*)$", Pattern.MULTILINE);

	private static final int ORDERS_IN_SCRIPT = 2000;

	private final int connections;

	private final Duration duration;

	ClosedLoop(int connections, Duration duration) {
		this.connections = connections;
		this.duration = duration;
	}

	/**
	 * Whether {@code wrk} is on the path.
	 * @return whether it is
	 */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			process.waitFor(10, TimeUnit.SECONDS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * {@code GET} a URL over and over.
	 * @param url what to ask for
	 * @param progress told what runs
	 * @return what wrk measured
	 */
	Result get(URI url, Consumer<String> progress) throws InterruptedException {
		progress.accept("closed loop: GET %s, %d connections, %d s".formatted(url.getPath(), this.connections,
				this.duration.toSeconds()));
		return run("GET " + url.getPath(), url, null);
	}

	/**
	 * {@code POST /orders} with fake orders.
	 * @param orderService the order service
	 * @param orders where the orders come from
	 * @param progress told what runs
	 * @return what wrk measured
	 */
	Result postOrders(URI orderService, FakeOrders orders, Consumer<String> progress) throws InterruptedException {
		progress.accept("closed loop: POST /orders, %d connections, %d s".formatted(this.connections,
				this.duration.toSeconds()));
		try {
			Path script = Files.createTempFile("pizza-orders-", ".lua");
			try {
				Files.writeString(script, script(orders), StandardCharsets.UTF_8);
				return run("POST /orders", orderService.resolve("/orders"), script);
			}
			finally {
				Files.deleteIfExists(script);
			}
		}
		catch (IOException ex) {
			throw new PlatformException("Could not write wrk's script: " + ex.getMessage(), ex);
		}
	}

	// the orders as Lua long strings, sent in turn by each thread; the answers counted by
	// status in each thread and added up at the end
	private static String script(FakeOrders orders) {
		StringBuilder lua = new StringBuilder("local bodies = {\n");
		for (int i = 0; i < ORDERS_IN_SCRIPT; i++) {
			lua.append("[==[").append(orders.next()).append("]==],\n");
		}
		lua.append("""
				}
				local threads = {}
				function setup(thread) table.insert(threads, thread) end
				function init(args) counts = {}; n = math.random(#bodies) end
				local headers = { ["Content-Type"] = "application/json" }
				function request()
				  n = n % #bodies + 1
				  return wrk.format("POST", nil, headers, bodies[n])
				end
				function response(status, headers, body)
				  counts[status] = (counts[status] or 0) + 1
				end
				function done(summary, latency, requests)
				  local all = {}
				  for _, thread in ipairs(threads) do
				    for status, count in pairs(thread:get("counts")) do all[status] = (all[status] or 0) + count end
				  end
				  local parts = {}
				  for status, count in pairs(all) do table.insert(parts, status .. "=" .. count) end
				  table.sort(parts)
				  io.write("statuses: " .. table.concat(parts, " ") .. "\\n")
				end
				""");
		return lua.toString();
	}

	private Result run(String what, URI url, Path script) throws InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + this.connections,
				"-d" + this.duration.toSeconds() + "s", "--latency", "--timeout", "10s"));
		if (script != null) {
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(url.toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new PlatformException("wrk failed: " + output);
			}
			return parse(what, this.connections, output);
		}
		catch (IOException ex) {
			throw new PlatformException("Could not run wrk (apt-get install wrk): " + ex.getMessage(), ex);
		}
	}

	static Result parse(String what, int connections, String output) {
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
		return new Result(what, connections, Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)),
				percentiles.getOrDefault(50, Double.NaN), percentiles.getOrDefault(99, Double.NaN),
				non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors, byStatus);
	}

	private static double millis(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	/**
	 * What one closed-loop run measured.
	 *
	 * @param what the request, such as {@code GET /menu}
	 * @param connections requests kept in flight
	 * @param requests answers received
	 * @param perSecond answers a second
	 * @param p50Millis the median latency
	 * @param p99Millis the 99th percentile latency
	 * @param notSuccessful answers that were not 2xx or 3xx
	 * @param socketErrors connections that failed or timed out
	 * @param statuses the answers by status, when counted
	 */
	record Result(String what, int connections, long requests, double perSecond, double p50Millis, double p99Millis,
			long notSuccessful, long socketErrors, Map<String, Long> statuses) {

		/**
		 * How many answers had a status.
		 * @param status the status
		 * @return how many, if counted
		 */
		Optional<Long> answered(int status) {
			return this.statuses.isEmpty() ? Optional.empty()
					: Optional.of(this.statuses.getOrDefault(String.valueOf(status), 0L));
		}

		@Override
		public String toString() {
			return "%s: %.0f/s, p50 %.1f ms, p99 %.1f ms%s%s".formatted(this.what, this.perSecond, this.p50Millis,
					this.p99Millis,
					this.statuses.isEmpty() ? ""
							: this.statuses.entrySet()
								.stream()
								.map((e) -> e.getKey() + ": " + e.getValue())
								.collect(Collectors.joining(", ", " (", ")")),
					(this.socketErrors > 0) ? ", " + this.socketErrors + " socket errors" : "");
		}

	}

}
