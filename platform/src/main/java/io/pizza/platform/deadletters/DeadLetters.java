package io.pizza.platform.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every dead-letter topic of the cluster (a name ending in {@code .DLT}), read from its
 * start to its end, committed records only, their headers read by
 * {@link DeadLetterHeaders}; and a replay of some, which {@link SendingBack} sends back
 * to the topic they came from.
 */
public final class DeadLetters {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Object> client;

	/**
	 * Dead letters on the cluster these settings reach.
	 * @param client the Kafka client's settings (bootstrap servers, TLS)
	 */
	public DeadLetters(Map<String, Object> client) {
		this.client = Map.copyOf(client);
	}

	/**
	 * The dead-letter topics.
	 * @return their names, sorted
	 */
	public List<String> topics() {
		try (Admin admin = Admin.create(this.client)) {
			return admin.listTopics().names().get().stream().filter((name) -> name.endsWith(".DLT")).sorted().toList();
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not list the topics: " + ex.getCause().getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	/**
	 * Every dead letter of one topic.
	 * @param topic a dead-letter topic
	 * @return its records, by partition and offset
	 */
	public List<DeadLetter> in(String topic) {
		Map<String, Object> config = new HashMap<>(this.client);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			List<DeadLetter> letters = new ArrayList<>();
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!readToEnd(consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw new PlatformException(
							"Could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					letters.add(DeadLetterHeaders.read(record));
				}
			}
			letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
			return letters;
		}
	}

	/**
	 * Sends dead letters back to their source topic and waits for the brokers to take
	 * them.
	 * @param topic the dead-letter topic
	 * @param at only the dead letter at this partition and offset, or all
	 * @return the dead letters sent back
	 */
	public List<DeadLetter> replay(String topic, Optional<Position> at) {
		List<DeadLetter> letters = in(topic).stream()
			.filter((letter) -> at
				.map((wanted) -> wanted.partition() == letter.partition() && wanted.offset() == letter.offset())
				.orElse(true))
			.toList();
		if (letters.stream().anyMatch((letter) -> letter.sourceTopic().equals("?") || letter.group().equals("?"))) {
			throw new PlatformException(
					"Some dead letters of " + topic + " do not say where they came from or who gave up on them");
		}
		new SendingBack(this.client).send(letters);
		return letters;
	}

	/**
	 * A dead letter's place in its topic.
	 *
	 * @param offset its offset there
	 */
	public record Position(int partition, long offset) {

		/**
		 * A place as the listing prints it.
		 * @param text {@code PARTITION@OFFSET}, such as {@code 2@17}
		 * @return the place
		 */
		public static Position parse(String text) {
			String[] parts = text.split("@", -1);
			try {
				if (parts.length == 2) {
					return new Position(Integer.parseInt(parts[0].trim()), Long.parseLong(parts[1].trim()));
				}
			}
			catch (NumberFormatException ex) {
				// below
			}
			throw new PlatformException("'" + text + "' is not PARTITION@OFFSET, such as 2@17");
		}

	}

	private static boolean readToEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

}
