package io.pizza.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Kafka's own ceiling on this cluster: {@code ProducerPerformance} from
 * {@code kafka-tools}, as fast as it can, {@code acks=all}, records of an order's size,
 * into a scratch topic shaped like the orders topic (same partitions, replicas and
 * {@code min.insync.replicas}), deleted afterwards.
 */
final class ProducerCeiling {

	private static final String ORDERS = "pizza-orders";

	private static final String SCRATCH = "bench-ceiling";

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
	 * The mean size of an order as the orders topic holds it: the values of its last
	 * records, up to {@code sample} of them.
	 * @param sample how many records to look at, at most
	 * @return the mean value size in bytes, if the topic holds any order
	 */
	Optional<Integer> orderSize(int sample) {
		Map<String, Object> config = new HashMap<>(this.client);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(ORDERS)
				.stream()
				.map((info) -> new TopicPartition(ORDERS, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
			long perPartition = Math.max(1, sample / partitions.size());
			long wanted = 0;
			for (TopicPartition partition : partitions) {
				long from = Math.max(starts.get(partition), ends.get(partition) - perPartition);
				consumer.seek(partition, from);
				wanted += ends.get(partition) - from;
			}
			long bytes = 0;
			long records = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (records < wanted && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null) {
						bytes += record.value().length;
						records++;
					}
				}
			}
			return (records == 0) ? Optional.empty() : Optional.of((int) (bytes / records));
		}
	}

	/**
	 * Runs {@code ProducerPerformance} once.
	 * @param records how many records to send
	 * @param recordSize each record's size in bytes
	 * @param progress told of the tool's own progress lines
	 * @return what the tool measured
	 */
	Result run(long records, int recordSize, Consumer<String> progress) {
		createScratchTopic();
		try {
			List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
					"-Xmx512m", "-cp", this.classPath, "org.apache.kafka.tools.ProducerPerformance", "--topic", SCRATCH,
					"--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
					"--throughput", "-1", "--producer-props", "acks=all", "enable.idempotence=true"));
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
			deleteScratchTopic();
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

	private void createScratchTopic() {
		try {
			TopicDescription orders = this.admin.describeTopics(List.of(ORDERS)).allTopicNames().get().get(ORDERS);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, ORDERS);
			ConfigEntry minInSync = this.admin.describeConfigs(List.of(resource))
				.all()
				.get()
				.get(resource)
				.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
			deleteScratchTopic();
			this.admin.createTopics(List.of(new NewTopic(SCRATCH, orders.partitions().size(),
					(short) orders.partitions().get(0).replicas().size())
				.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync.value())))).all().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not create topic " + SCRATCH + ": " + ex.getCause(), ex);
		}
	}

	private void deleteScratchTopic() {
		try {
			if (this.admin.listTopics().names().get().contains(SCRATCH)) {
				this.admin.deleteTopics(List.of(SCRATCH)).all().get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not delete topic " + SCRATCH + ": " + ex.getCause(), ex);
		}
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
