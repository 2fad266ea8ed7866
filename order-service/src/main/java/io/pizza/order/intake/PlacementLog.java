package io.pizza.order.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Every instance's notes on the placements topic, read by each instance from the topic's
 * start, every partition, on a thread of its own (no consumer group: each reads all),
 * into {@link Notes}. An instance that claimed an order id waits until it has read its
 * claim back, and then knows whether its claim came first. Until it has read the topic to
 * the end it had at start-up, the instance is not healthy: it would not know every key in
 * use.
 */
@Component
class PlacementLog implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(PlacementLog.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<?, ?> factory;

	private final RecordMessageConverter records;

	private final Notes notes;

	private final OrderServiceProperties properties;

	/** The next offset to read, by partition. Guarded by this. */
	private final Map<Integer, Long> read = new HashMap<>();

	/** Where the partitions ended at start-up. Guarded by this. */
	private @Nullable Map<Integer, Long> endsAtStart;

	private volatile boolean caughtUp;

	private volatile boolean running;

	private @Nullable Thread reader;

	private @Nullable Consumer<String, byte[]> consumer;

	PlacementLog(ConsumerFactory<?, ?> factory, RecordMessageConverter records, Notes notes,
			OrderServiceProperties properties) {
		this.factory = factory;
		this.records = records;
		this.notes = notes;
		this.properties = properties;
	}

	/**
	 * Waits until this instance has read a partition past an offset.
	 * @param partition the partition
	 * @param offset the offset
	 * @param atMost how long to wait
	 * @return whether it has
	 * @throws InterruptedException when interrupted while waiting
	 */
	synchronized boolean awaitRead(int partition, long offset, Duration atMost) throws InterruptedException {
		return awaitUntil((log) -> log.read.getOrDefault(partition, 0L) > offset, atMost);
	}

	/**
	 * Waits until this instance has read every note written before it started.
	 * @param atMost how long to wait
	 * @return whether it has
	 * @throws InterruptedException when interrupted while waiting
	 */
	synchronized boolean awaitCaughtUp(Duration atMost) throws InterruptedException {
		return awaitUntil((log) -> log.caughtUp, atMost);
	}

	private boolean awaitUntil(Predicate<PlacementLog> done, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!done.test(this)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

	@Override
	public Health health() {
		return this.caughtUp ? Health.up().build()
				: Health.down().withDetail("placements", "reading the notes written before start-up").build();
	}

	@Override
	public void start() {
		Map<String, Object> config = new HashMap<>(this.factory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.properties.instanceId() + "-placements");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// a claim is read back as soon as it is on the brokers
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.running = true;
		Thread reader = new Thread(this::readAll, "placements");
		reader.setDaemon(true);
		reader.start();
		this.reader = reader;
	}

	// reads on whatever a broker cut off or away does meanwhile: a poll that fails is
	// polled again, a partition whose position cannot be had keeps the last one known
	private void readAll() {
		Consumer<String, byte[]> consumer = this.consumer;
		try {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			awaitEnds(consumer, partitions);
			while (this.running) {
				try {
					poll(consumer, partitions);
				}
				catch (KafkaException ex) {
					if (ex instanceof WakeupException || ex instanceof InterruptException) {
						throw ex;
					}
					log.warn("[{}] placements not read for now: {}", this.properties.instanceId(), ex.toString());
				}
			}
		}
		catch (WakeupException | InterruptException ex) {
			// stopping
		}
		finally {
			consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
		}
	}

	private void awaitEnds(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		while (this.running) {
			try {
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
				synchronized (this) {
					this.endsAtStart = new HashMap<>();
					ends.forEach((partition, end) -> this.endsAtStart.put(partition.partition(), end));
				}
				return;
			}
			catch (TimeoutException ex) {
				log.warn("[{}] placements' ends not known yet: {}", this.properties.instanceId(), ex.getMessage());
			}
		}
	}

	private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
		String topic = this.properties.placementsTopic().name();
		while (true) {
			try {
				return consumer.partitionsFor(topic, Duration.ofSeconds(10))
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
			}
			catch (TimeoutException ex) {
				log.warn("[{}] {} not found yet: {}", this.properties.instanceId(), topic, ex.getMessage());
			}
		}
	}

	private void poll(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
			PlacementChanged note = read(record);
			if (note != null) {
				this.notes.apply(note);
			}
		}
		synchronized (this) {
			for (TopicPartition partition : partitions) {
				try {
					this.read.put(partition.partition(), consumer.position(partition, Duration.ZERO));
				}
				catch (TimeoutException ex) {
					// its leader has not said yet: the last position known stands
				}
			}
			if (!this.caughtUp && this.endsAtStart != null
					&& this.endsAtStart.entrySet()
						.stream()
						.allMatch((end) -> this.read.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
				this.caughtUp = true;
				log.info("[{}] placements read: {} order(s) noted", this.properties.instanceId(), this.notes.size());
			}
			notifyAll();
		}
	}

	private @Nullable PlacementChanged read(ConsumerRecord<String, byte[]> record) {
		try {
			// as the listeners read theirs (service-support)
			Object note = this.records.toMessage(record, null, null, PlacementChanged.class).getPayload();
			if (note instanceof PlacementChanged changed && changed.orderId() != null && changed.status() != null
					&& changed.claim() != null) {
				return changed;
			}
		}
		catch (ConversionException ex) {
			// below
		}
		log.warn("[{}] {}-{}@{} skipped: not a note of a placement", this.properties.instanceId(), record.topic(),
				record.partition(), record.offset());
		return null;
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		Thread reader = this.reader;
		if (reader != null) {
			try {
				reader.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	Optional<PlacementChanged> find(UUID orderId) {
		return this.notes.find(orderId);
	}

}
