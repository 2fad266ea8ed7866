package io.pizza.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.network.Faults;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What a fault is caused with: the platform, its network's faults, an admin client on the
 * cluster, and a console to tell what is done. A clock skewed is an instance started
 * again with {@code libfaketime}, noted in the state folder so that {@code heal} starts
 * it again without.
 */
final class Faulting implements AutoCloseable {

	private static final String TOPIC = Topics.ORDERS;

	// where Debian's and Ubuntu's faketime package puts it, on any architecture, or a
	// build of its own
	private static final List<Path> LIBFAKETIME = List.of(Path.of("/usr/lib"), Path.of("/usr/local/lib"));

	private final Platform platform;

	private final Faults faults;

	private final Admin admin;

	private final Consumer<String> out;

	private final int partition;

	private final Duration skew;

	Faulting(Platform platform, int partition, Duration skew, Consumer<String> out) {
		this.platform = platform;
		this.faults = new Faults(platform.settings(), new Processes(platform.settings()));
		this.admin = platform.kafka().admin();
		this.partition = partition;
		this.skew = skew;
		this.out = out;
	}

	Faults faults() {
		return this.faults;
	}

	Admin admin() {
		return this.admin;
	}

	int partition() {
		return this.partition;
	}

	String partitionName() {
		return TOPIC + "-" + this.partition;
	}

	void tell(String line) {
		this.out.accept(line);
	}

	Instance instance(String name) {
		return this.platform.settings().instance(name).orElseThrow();
	}

	List<Instance> brokers() {
		return this.platform.settings().brokers();
	}

	List<Instance> brokersBut(Instance broker) {
		return brokers().stream().filter((other) -> !other.equals(broker)).toList();
	}

	Instance leaderOf(int partition) {
		try {
			TopicPartitionInfo info = this.admin.describeTopics(List.of(TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(TOPIC)
				.partitions()
				.get(partition);
			if (info.leader() == null || info.leader().isEmpty()) {
				throw new PlatformException(partitionName() + " has no leader now");
			}
			return broker(info.leader().id());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not describe " + TOPIC + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	Instance quorumLeader() {
		try {
			return broker(this.admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlatformException("Could not describe the quorum: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	private Instance broker(int nodeId) {
		return brokers().stream().filter((broker) -> broker.nodeId() == nodeId).findFirst().orElseThrow();
	}

	/**
	 * Starts an instance again with its clock ahead.
	 * @param instance the instance
	 */
	void skew(Instance instance) {
		Path libfaketime = libfaketime()
			.orElseThrow(() -> new PlatformException("A skewed clock takes libfaketime: apt-get install faketime"));
		this.platform.kill(instance, false);
		String ahead = "+" + this.skew.toSeconds() + "s";
		this.platform.start(instance,
				Map.of("LD_PRELOAD", libfaketime.toString(), "FAKETIME", ahead, "FAKETIME_DONT_FAKE_MONOTONIC", "1"));
		note(skewed(), instance.name());
		tell(instance + " started again with its clock " + ahead + " ahead: its orders are placed, and their records "
				+ "stamped, in its future; the brokers keep records stamped up to an hour ahead "
				+ "(log.message.timestamp.after.max.ms).");
	}

	/**
	 * Heals every fault: links, paused processes, skewed clocks; then gives each
	 * partition back to its preferred leader.
	 * @return what was healed
	 */
	List<String> heal() {
		List<String> healed = new ArrayList<>(this.faults.heal());
		for (String name : read(skewed())) {
			Instance instance = instance(name);
			this.platform.kill(instance, false);
			this.platform.start(instance);
			healed.add(name + " started again on this machine's clock");
		}
		note(skewed(), null);
		try {
			int moved = this.platform.kafka().electPreferredLeaders();
			if (moved > 0) {
				healed.add(moved + " partitions led by their preferred replicas again");
			}
		}
		catch (PlatformException ex) {
			healed.add("leaders left as they are for now (" + ex.getMessage() + ")");
		}
		return healed;
	}

	private static Optional<Path> libfaketime() {
		for (Path lib : LIBFAKETIME) {
			try (Stream<Path> found = Files.find(lib, 3,
					(path, attributes) -> path.endsWith("faketime/libfaketimeMT.so.1") && attributes.isRegularFile())) {
				Optional<Path> first = found.findFirst();
				if (first.isPresent()) {
					return first;
				}
			}
			catch (IOException | UncheckedIOException ex) {
				// no such folder here, or one not to be read
			}
		}
		return Optional.empty();
	}

	private Path skewed() {
		return this.platform.settings().stateDir().resolve("faults/skewed");
	}

	private static List<String> read(Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file).stream().filter((l) -> !l.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void note(Path file, String name) {
		try {
			Files.createDirectories(file.getParent());
			List<String> names = new ArrayList<>((name != null) ? read(file) : List.of());
			if (name != null) {
				names.add(name);
			}
			Files.writeString(file, String.join("\n", names));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
