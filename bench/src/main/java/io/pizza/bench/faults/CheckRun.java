package io.pizza.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.network.ClusterWatch;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./pizza fault --check}: a client places orders while a schedule of faults runs,
 * keeping a history; once every fault is healed and the system is quiet, the history is
 * checked against what the system shows, and both are kept as files. Optionally with
 * order-service's producer at {@code acks=1}, or the orders topic at
 * {@code min.insync.replicas=1}, to show what each setting loses.
 */
final class CheckRun {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final Platform platform;

	private final Consumer<String> out;

	CheckRun(Platform platform, Consumer<String> out) {
		this.platform = platform;
		this.out = out;
	}

	boolean run(Schedule schedule, String acks, int minInSync, Duration pace) {
		if (!this.platform.settings().modes().ownNetwork()) {
			throw new PlatformException(
					"--check runs on the platform's own network: ./pizza down, then ./pizza up --network");
		}
		Instant started = Instant.now();
		boolean configured = !acks.equals("all") || minInSync != 2;
		OrderHistoryCheck check = new OrderHistoryCheck(this.platform, pace, this.out);
		try (Faulting faulting = new Faulting(this.platform, 0, Duration.ofMinutes(5), this.out)) {
			// a fault left in place would run beside the schedule's, and the figures
			// would not be the schedule's
			faulting.heal().forEach((healed) -> this.out.accept("before the run: " + healed));
			if (configured) {
				configure(acks, minInSync);
			}
			check.start();
			this.out.accept("client: one order after the other for each shop, each retried with its key until 201");
			check.awaitAcknowledged(10, Duration.ofMinutes(1));
			ClusterWatch cluster = new ClusterWatch(faulting.admin(), this.out);
			cluster.tellAll();
			for (Schedule.Step step : schedule.steps()) {
				this.out.accept("fault: " + step.scenario().scenarioName() + " for " + step.hold().toSeconds() + " s");
				try {
					step.scenario().cause(faulting);
				}
				catch (PlatformException ex) {
					// a fault this machine cannot cause (no libfaketime, say): the
					// schedule goes on without it
					this.out.accept("fault: " + step.scenario().scenarioName() + " left out: " + ex.getMessage());
					continue;
				}
				cluster.watch(step.hold(), (state) -> false);
				faulting.heal().forEach(this.out);
				cluster.watch(Schedule.SETTLE, (state) -> false);
			}
			check.stop(Duration.ofMinutes(2));
		}
		finally {
			if (configured) {
				configure("all", 2);
			}
		}
		this.out.accept("every fault healed, no new order: waiting for the system to be quiet");
		CheckReport report = check.check();
		Path folder = this.platform.settings().root().resolve("bench/results");
		String name = "faults-" + schedule.name() + "-" + STAMP.format(started);
		Path history = check.writeHistory(folder.resolve(name + ".history.jsonl"));
		Path file = write(folder.resolve(name + ".json"), schedule, acks, minInSync, pace, report);
		System.out.println();
		System.out.println("Schedule " + schedule.name() + ", acks=" + acks + ", min.insync.replicas=" + minInSync
				+ ", an order per shop every " + pace.toMillis() + " ms");
		System.out.print(report.table());
		System.out.println();
		System.out.println("History: " + history);
		System.out.println("Report:  " + file);
		return report.passed();
	}

	// order-service's producer and the orders topic as the run asks; back to the defaults
	// afterwards
	private void configure(String acks, int minInSync) {
		Instance orderService = this.platform.settings().instance("order-service").orElseThrow();
		boolean idempotent = acks.equals("all");
		this.platform.kill(orderService, false);
		this.platform.start(orderService, idempotent ? Map.of() : Map.of("SPRING_KAFKA_PRODUCER_ACKS", acks,
				"SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE", "false"));
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORDERS);
		try (Admin admin = this.platform.kafka().admin()) {
			admin.incrementalAlterConfigs(Map.of(topic,
					List.of(new AlterConfigOp(
							new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSync)),
							AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new PlatformException("Could not set pizza-orders' min.insync.replicas: " + ex.getMessage(), ex);
		}
		this.out.accept("order-service's producer acks=" + acks + ", pizza-orders' min.insync.replicas=" + minInSync);
	}

	private static Path write(Path file, Schedule schedule, String acks, int minInSync, Duration pace,
			CheckReport report) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("schedule", schedule.name());
		content.put("steps",
				schedule.steps()
					.stream()
					.map((step) -> step.scenario().scenarioName() + " " + step.hold().toSeconds() + "s")
					.toList());
		content.put("acks", acks);
		content.put("pace", pace.toString());
		content.put("minInSyncReplicas", minInSync);
		content.put("passed", report.passed());
		content.put("report", report);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
