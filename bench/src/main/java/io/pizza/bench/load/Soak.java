package io.pizza.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.GroupLag;
import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a long run must keep flat, read once its load is steady and again as it ends: each
 * process's heap after a full collection, and how far each consumer group is behind.
 */
final class Soak {

	/** The last line of a class histogram: instances and bytes of every live object. */
	private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

	private final Platform platform;

	Soak(Platform platform) {
		this.platform = platform;
	}

	Snapshot take() {
		Map<String, Long> heap = new TreeMap<>();
		for (InstanceStatus status : this.platform.status()) {
			if (status.running() && status.instance().kind() != Kind.DATABASE) {
				heapAfterGc(status.pid()).ifPresent((bytes) -> heap.put(status.instance().name(), bytes));
			}
		}
		try (Admin admin = this.platform.kafka().admin()) {
			return new Snapshot(Instant.now(), heap, GroupLag.ofActiveGroups(admin));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not read the groups' lags: " + ex.getCause().getMessage(), ex);
		}
	}

	// a class histogram collects the heap fully first: what it counts is what lives
	private static Optional<Long> heapAfterGc(long pid) {
		Optional<String> java = ProcessHandle.of(pid).flatMap((process) -> process.info().command());
		if (java.isEmpty()) {
			return Optional.empty();
		}
		Path jcmd = Path.of(java.get()).resolveSibling("jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return Optional.empty();
			}
			return liveBytes(output);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * The bytes of every live object, as a class histogram's last line counts them.
	 * @param histogram the output of {@code jcmd PID GC.class_histogram}
	 * @return the bytes, empty when the output has no total
	 */
	static Optional<Long> liveBytes(String histogram) {
		Matcher total = TOTAL.matcher(histogram);
		return total.find() ? Optional.of(Long.parseLong(total.group(1))) : Optional.empty();
	}

	/**
	 * The platform at one moment.
	 *
	 * @param at when
	 * @param heapAfterGc each process's live heap, in bytes, after a full collection
	 * @param lags each active consumer group's records not committed yet
	 */
	record Snapshot(Instant at, Map<String, Long> heapAfterGc, Map<String, Long> lags) {
	}

	/**
	 * A soak's two snapshots, side by side.
	 *
	 * @param start at the start
	 * @param end at the end
	 */
	record Report(Snapshot start, Snapshot end) {

		String table() {
			StringBuilder table = new StringBuilder();
			table.append(String.format("%-34s %12s %12s%n", "heap after GC (MiB)", "start", "end"));
			for (String name : this.end.heapAfterGc().keySet()) {
				table.append(String.format("%-34s %12s %12.1f%n", name, mib(this.start.heapAfterGc().get(name)),
						this.end.heapAfterGc().get(name) / 1048576.0));
			}
			table.append(String.format("%n%-34s %12s %12s%n", "group lag (records)", "start", "end"));
			for (String group : this.end.lags().keySet()) {
				table.append(String.format("%-34s %12s %12d%n", group,
						Optional.ofNullable(this.start.lags().get(group)).map(String::valueOf).orElse("-"),
						this.end.lags().get(group)));
			}
			return table.toString();
		}

		private static String mib(Long bytes) {
			return (bytes != null) ? String.format("%.1f", bytes / 1048576.0) : "-";
		}

	}

}
