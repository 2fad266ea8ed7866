package io.pizza.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a load run measured.
 *
 * @param startedAt when sending began
 * @param rate the rate asked for, in orders per second
 * @param duration how long it was asked to send
 * @param seed the fake orders' seed
 * @param sent how many orders were sent
 * @param achievedRate orders sent per second, as achieved
 * @param acceptedRate orders accepted (201) per second of sending
 * @param statuses how many answers of each HTTP status (0: no answer)
 * @param noAnswer the requests that got no answer, by the client's exception
 * @param http from sending a request to its whole answer
 * @param placedToBaked from sending an accepted order to its {@code BAKED} event
 * @param placedToBilled from sending an accepted order to its bill
 * @param notBaked accepted orders with no {@code BAKED} event in time
 * @param notBilled accepted orders with no bill in time
 * @param machine what it ran on
 */
public record LoadReport(Instant startedAt, double rate, Duration duration, long seed, long sent, double achievedRate,
		double acceptedRate, Map<Integer, Long> statuses, Map<String, Long> noAnswer, Latencies http,
		Latencies placedToBaked, Latencies placedToBilled, long notBaked, long notBilled, String machine) {

	static LoadReport of(Instant startedAt, double rate, Duration duration, long seed, Duration sending,
			List<Placement> placements, Map<String, Instant> baked, Map<String, Instant> billed) {
		double seconds = Math.max(0.001, sending.toNanos() / 1e9);
		List<Placement> accepted = placements.stream().filter(Placement::accepted).toList();
		return new LoadReport(startedAt, rate, duration, seed, placements.size(), placements.size() / seconds,
				accepted.size() / seconds,
				placements.stream()
					.collect(Collectors.groupingBy(Placement::status, TreeMap::new, Collectors.counting())),
				placements.stream()
					.filter((p) -> p.failure() != null)
					.collect(Collectors.groupingBy(Placement::failure, TreeMap::new, Collectors.counting())),
				Latencies.ofMicros(placements.stream().map((p) -> p.latencyNanos() / 1000).toList()),
				Latencies.ofMicros(accepted.stream()
					.filter((p) -> baked.containsKey(p.orderId()))
					.map((p) -> Duration.between(p.sentAt(), baked.get(p.orderId())).toNanos() / 1000)
					.toList()),
				Latencies.ofMicros(accepted.stream()
					.filter((p) -> billed.containsKey(p.orderId()))
					.map((p) -> Duration.between(p.sentAt(), billed.get(p.orderId())).toNanos() / 1000)
					.toList()),
				accepted.stream().filter((p) -> !baked.containsKey(p.orderId())).count(),
				accepted.stream().filter((p) -> !billed.containsKey(p.orderId())).count(), ReportFiles.thisMachine());
	}

	String table() {
		return String.join(System.lineSeparator(),
				"rate asked        %.0f orders/s for %d s (seed %d)".formatted(this.rate, this.duration.toSeconds(),
						this.seed),
				"sent              %d, %.1f orders/s achieved, %.1f accepted/s".formatted(this.sent, this.achievedRate,
						this.acceptedRate),
				"HTTP statuses     " + this.statuses + (this.noAnswer.isEmpty() ? "" : "; no answer: " + this.noAnswer),
				"HTTP latency      " + this.http,
				"POST -> BAKED     " + this.placedToBaked
						+ ((this.notBaked > 0) ? "; not baked: " + this.notBaked : ""),
				"POST -> billed    " + this.placedToBilled
						+ ((this.notBilled > 0) ? "; not billed: " + this.notBilled : ""),
				"machine           " + this.machine);
	}

	Path write(Path folder) {
		return ReportFiles.write(folder, "load", this.startedAt, this);
	}

}
