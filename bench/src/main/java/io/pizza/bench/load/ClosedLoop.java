package io.pizza.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
				Files.writeString(script, WrkOrdersScript.of(orders), StandardCharsets.UTF_8);
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
			return WrkOutput.parse(what, this.connections, output);
		}
		catch (IOException ex) {
			throw new PlatformException("Could not run wrk (apt-get install wrk): " + ex.getMessage(), ex);
		}
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
