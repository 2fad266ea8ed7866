package io.pizza.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.kafka.Topics;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Kafka's own ceiling on this cluster: {@code ProducerPerformance} from
 * {@code kafka-tools}, as fast as it can, {@code acks=all}, records of an order's size,
 * into a {@link ScratchTopic} shaped like the orders topic, deleted afterwards.
 */
final class ProducerCeiling {

	// "100000 records sent, 7343.8 records/sec (4.20 MB/sec), 5826.02 ms avg latency,
	// 9184.00 ms max latency, 6150 ms 50th, 8458 ms 95th, 8909 ms 99th, 9102 ms 99.9th."
	private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) "
			+ "MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, "
			+ "(\\d+) ms 99th, (\\d+) ms 99.9th");

	private final Admin admin;

	private final Map<String, Object> client;

	private final String classPath;

	ProducerCeiling(Admin admin, Map<String, Object> client, String classPath) {
		this.admin = admin;
		this.client = client;
		this.classPath = classPath;
	}

	/**
	 * Runs {@code ProducerPerformance} once.
	 * @param records how many records to send
	 * @param recordSize each record's size in bytes
	 * @param progress told of the tool's own progress lines
	 * @return what the tool measured
	 */
	Result run(long records, int recordSize, Consumer<String> progress) {
		ScratchTopic scratch = ScratchTopic.shapedLike(this.admin, Topics.ORDERS, "bench-ceiling");
		try {
			List<String> command = new ArrayList<>(
					List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-cp", this.classPath,
							"org.apache.kafka.tools.ProducerPerformance", "--topic", scratch.name(), "--num-records",
							String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
							"--producer-props", "acks=all", "enable.idempotence=true"));
			// the brokers, and in secure mode TLS with the admin's certificate
			this.client.forEach((key, value) -> command.add(key + "=" + value));
			Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
			List<String> output = new ArrayList<>();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					progress.accept("ProducerPerformance: " + line);
				}
			}
			if (!tool.waitFor(5, TimeUnit.MINUTES) || tool.exitValue() != 0) {
				throw new PlatformException("ProducerPerformance failed: " + String.join("\n", output));
			}
			return summary(output, recordSize).orElseThrow(() -> new PlatformException(
					"ProducerPerformance printed no summary: " + String.join("\n", output)));
		}
		catch (IOException ex) {
			throw new PlatformException("Could not run ProducerPerformance: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		finally {
			scratch.delete();
		}
	}

	/**
	 * The figures of {@code ProducerPerformance}'s last line, the whole run's (the lines
	 * before are its progress every 5 s).
	 * @param output what it printed
	 * @param recordSize the size it was given
	 * @return the figures, if it printed them
	 */
	static Optional<Result> summary(List<String> output, int recordSize) {
		return output.stream()
			.map(SUMMARY::matcher)
			.filter(Matcher::find)
			.reduce((first, last) -> last)
			.map((summary) -> new Result(Long.parseLong(summary.group(1)), recordSize,
					Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)),
					Long.parseLong(summary.group(6)), Long.parseLong(summary.group(8))));
	}

	/**
	 * What {@code ProducerPerformance} measured.
	 *
	 * @param records records sent
	 * @param recordSize bytes per record
	 * @param recordsPerSecond throughput
	 * @param megabytesPerSecond throughput in MB
	 * @param p50Millis median latency from send to ack
	 * @param p99Millis 99th percentile of the same
	 */
	record Result(long records, int recordSize, double recordsPerSecond, double megabytesPerSecond, long p50Millis,
			long p99Millis) {
	}

}
