package io.pizza.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How much CPU the platform's processes used while something ran: each instance's CPU
 * time (with its child processes', PostgreSQL's backends) over the wall-clock time, in
 * cores, the brokers added up. Where the machine's cores went is where a throughput's
 * limit is.
 *
 * @param cores the cores the machine has
 * @param seconds the wall-clock time measured
 * @param byPart cores used, by part of the platform, most first
 */
public record CpuUse(int cores, double seconds, Map<String, Double> byPart) {

	private static final String BROKERS = "brokers";

	/**
	 * Starts measuring.
	 * @param processes the running instances' processes, by instance name
	 * @return the measure, to be ended with {@link Meter#stop()}
	 */
	public static Meter start(Map<String, ProcessHandle> processes) {
		return new Meter(processes);
	}

	/**
	 * The cores all parts used together.
	 * @return their sum
	 */
	public double total() {
		return this.byPart.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/**
	 * The CPU time each part spent, divided by the orders taken while it was measured.
	 * @return the cost of one order
	 */
	public OrderCost perOrder(long orders) {
		Map<String, Double> millis = new LinkedHashMap<>();
		this.byPart.forEach((part, used) -> millis.put(part, used * this.seconds * 1000 / Math.max(1, orders)));
		return new OrderCost(orders, this.seconds, millis);
	}

	/**
	 * One line: the parts that used the most, as cores and shares of the machine.
	 * @return the summary
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		this.byPart.forEach((part, used) -> {
			if (used >= 0.01) {
				parts.add("%s %.2f (%.0f%%)".formatted(part, used, 100 * used / this.cores));
			}
		});
		return "%.2f of %d cores: %s".formatted(total(), this.cores, String.join(", ", parts));
	}

	/**
	 * A measure under way.
	 */
	public static final class Meter {

		// USER_HZ, the unit of /proc's times: 100 on every Linux architecture Java runs
		// on
		private static final long MILLIS_PER_TICK = 10;

		private final Map<String, ProcessHandle> processes;

		private final Map<String, Duration> before;

		private final long started = System.nanoTime();

		private Meter(Map<String, ProcessHandle> processes) {
			this.processes = Map.copyOf(processes);
			this.before = cpuTimes(this.processes);
		}

		/**
		 * Ends the measure.
		 * @return what each part used since the start
		 */
		public CpuUse stop() {
			Map<String, Duration> after = cpuTimes(this.processes);
			double seconds = (System.nanoTime() - this.started) / 1e9;
			Map<String, Double> used = new LinkedHashMap<>();
			after.forEach((instance, time) -> {
				Duration spent = time.minus(this.before.getOrDefault(instance, Duration.ZERO));
				used.merge(part(instance), Math.max(0, spent.toNanos()) / 1e9 / seconds, Double::sum);
			});
			Map<String, Double> sorted = used.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
			return new CpuUse(Runtime.getRuntime().availableProcessors(), seconds, sorted);
		}

		private static Map<String, Duration> cpuTimes(Map<String, ProcessHandle> processes) {
			Map<String, Duration> times = new LinkedHashMap<>();
			processes.forEach((instance, process) -> times.put(instance,
					Stream.concat(Stream.of(process), process.descendants())
						.map(Meter::withEnded)
						.reduce(Duration.ZERO, Duration::plus)));
			return times;
		}

		// a process's CPU time with its ended children's, which the kernel adds to the
		// parent that waited for them (fields 14 to 17 of /proc/<pid>/stat, in clock
		// ticks of 10 ms): a PostgreSQL backend that ends during a measure leaves its
		// time in the postmaster's, where it is still counted, instead of taking it away.
		// Without /proc, the process's own time.
		private static Duration withEnded(ProcessHandle process) {
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
				// the fields after the command's name, from the third (state) on
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = 0;
				for (int field = 14; field <= 17; field++) {
					ticks += Long.parseLong(fields[field - 3]);
				}
				return Duration.ofMillis(ticks * MILLIS_PER_TICK);
			}
			catch (IOException | RuntimeException ex) {
				return process.info().totalCpuDuration().orElse(Duration.ZERO);
			}
		}

		private static String part(String instance) {
			return instance.startsWith("kafka-") && !instance.equals("kafka-connect") ? BROKERS : instance;
		}

	}

}
