package io.pizza.billing.bill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.pizza.billing.config.BillingProperties;
import io.pizza.support.kafka.Failures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Bills every order of the orders topic again, as billing's own operation: after a fix in
 * billing, or to watch a topic's history read again. Nothing is destroyed on the way: a
 * consumer of no group reads the topic from its start to where it ended when the rebuild
 * began, into {@link RebuiltBills}' table beside the bills in use, while the listener
 * goes on billing new orders; then the rebuilt bills take the old ones' place in one
 * transaction. A bill whose order is no longer in the topic (retention deleted it) or
 * cannot be billed by today's rules is kept as it was, and the rebuild says how many.
 */
@Component
class Rebuild implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final ConsumerFactory<?, ?> factory;

	private final RecordMessageConverter records;

	private final Billing billing;

	private final RebuiltBills rebuilt;

	private final BillingProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService runner = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "rebuild");
		thread.setDaemon(true);
		return thread;
	});

	private volatile RebuildProgress progress = RebuildProgress.IDLE;

	Rebuild(ConsumerFactory<?, ?> factory, RecordMessageConverter records, Billing billing, RebuiltBills rebuilt,
			BillingProperties properties) {
		this.factory = factory;
		this.records = records;
		this.billing = billing;
		this.rebuilt = rebuilt;
		this.properties = properties;
	}

	/**
	 * Starts a rebuild, unless one is under way.
	 * @return how it stands
	 */
	synchronized RebuildProgress start() {
		if (!this.progress.running()) {
			this.progress = RebuildProgress.reading(0, 0);
			this.runner.execute(this::run);
		}
		return this.progress;
	}

	RebuildProgress progress() {
		return this.progress;
	}

	private void run() {
		String instance = this.properties.instanceId();
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.properties.ordersTopic(), PATIENCE)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<Integer, Long> starts = byNumber(consumer.beginningOffsets(partitions, PATIENCE));
			Map<Integer, Long> ends = byNumber(consumer.endOffsets(partitions, PATIENCE));
			consumer.seekToBeginning(partitions);
			this.rebuilt.prepare();
			log.info("[{}] rebuild: reading {} from its start {} to its end {}", instance,
					this.properties.ordersTopic(), starts, ends);
			long billed = 0;
			long left;
			while ((left = left(consumer, partitions, ends)) > 0) {
				this.progress = RebuildProgress.reading(left, billed);
				billed += bill(consumer, ends);
			}
			this.progress = RebuildProgress.swapping(billed);
			RebuiltBills.Swapped swapped = this.rebuilt.swap(starts, ends);
			this.progress = RebuildProgress.done(billed, swapped.changed(), swapped.kept());
			log.info("[{}] rebuild: {} order(s) billed again, {} bill(s) changed (the old ones kept in "
					+ "bills_before_rebuild); kept as they were: {} no longer in {}, {} billed meanwhile, {} not "
					+ "billable now", instance, billed, swapped.changed(), swapped.kept().goneFromTopic(),
					this.properties.ordersTopic(), swapped.kept().billedMeanwhile(), swapped.kept().notBillable());
		}
		catch (RuntimeException ex) {
			this.progress = this.progress.failed(Failures.describe(ex));
			log.warn("[{}] rebuild failed, the bills are as they were: {}", instance, Failures.describe(ex));
		}
	}

	// a poll's orders, billed into the rebuild's table; what cannot be billed is the
	// listener's to dead-letter, not the rebuild's
	private long bill(KafkaConsumer<String, byte[]> consumer, Map<Integer, Long> ends) {
		Instant now = this.clock.instant();
		List<Bill> bills = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
			if (record.offset() >= ends.get(record.partition())) {
				continue;
			}
			try {
				Object order = this.records.toMessage(record, null, null, OrderPlaced.class).getPayload();
				if (order instanceof OrderPlaced placed) {
					bills.add(this.billing.billOf(placed, record.partition(), record.offset(), now));
				}
			}
			catch (ConversionException | IllegalArgumentException | NullPointerException ex) {
				// not billable: an old bill of it, if any, is kept
			}
		}
		this.rebuilt.add(bills);
		return bills.size();
	}

	private static long left(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<Integer, Long> ends) {
		long left = 0;
		for (TopicPartition partition : partitions) {
			left += Math.max(0, ends.get(partition.partition()) - consumer.position(partition, PATIENCE));
		}
		return left;
	}

	private static Map<Integer, Long> byNumber(Map<TopicPartition, Long> offsets) {
		Map<Integer, Long> byNumber = new HashMap<>();
		offsets.forEach((partition, offset) -> byNumber.put(partition.partition(), offset));
		return byNumber;
	}

	private KafkaConsumer<String, byte[]> consumer() {
		Map<String, Object> config = new HashMap<>(this.factory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.properties.instanceId() + "-rebuild");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void destroy() {
		this.runner.shutdownNow();
	}

}
