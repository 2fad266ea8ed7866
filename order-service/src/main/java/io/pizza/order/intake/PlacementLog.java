package io.pizza.order.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
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

	private final ReadProgress progress = new ReadProgress();

	private volatile boolean running;

	private @Nullable Thread reader;

	private @Nullable PlacementsConsumer consumer;

	PlacementLog(ConsumerFactory<?, ?> factory, RecordMessageConverter records, Notes notes,
			OrderServiceProperties properties) {
		this.factory = factory;
		this.records = records;
		this.notes = notes;
		this.properties = properties;
	}

	/**
	 * Waits until this instance has read a partition past an offset.
	 * @param atMost how long to wait
	 * @return whether it has
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitRead(int partition, long offset, Duration atMost) throws InterruptedException {
		return this.progress.awaitRead(partition, offset, atMost);
	}

	/**
	 * Waits until this instance has read every note written before it started.
	 * @param atMost how long to wait
	 * @return whether it has
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitCaughtUp(Duration atMost) throws InterruptedException {
		return this.progress.awaitCaughtUp(atMost);
	}

	@Override
	public Health health() {
		return this.progress.caughtUp() ? Health.up().build()
				: Health.down().withDetail("placements", "reading the notes written before start-up").build();
	}

	@Override
	public void start() {
		this.consumer = new PlacementsConsumer(this.factory, this.properties);
		this.running = true;
		Thread reader = new Thread(this::readAll, "placements");
		reader.setDaemon(true);
		reader.start();
		this.reader = reader;
	}

	// reads on whatever a broker cut off or away does meanwhile: a poll that fails is
	// polled again, a partition whose position cannot be had keeps the last one known
	private void readAll() {
		try (PlacementsConsumer consumer = this.consumer) {
			List<TopicPartition> partitions = consumer.assignAll();
			Map<Integer, Long> ends = consumer.ends(partitions, () -> this.running);
			if (ends != null) {
				this.progress.endsAtStart(ends);
			}
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
	}

	private void poll(PlacementsConsumer consumer, List<TopicPartition> partitions) {
		for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
			PlacementChanged note = read(record);
			if (note != null) {
				this.notes.apply(note);
			}
		}
		if (this.progress.polled(consumer.positions(partitions))) {
			log.info("[{}] placements read: {} order(s) noted", this.properties.instanceId(), this.notes.size());
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
		PlacementsConsumer consumer = this.consumer;
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
