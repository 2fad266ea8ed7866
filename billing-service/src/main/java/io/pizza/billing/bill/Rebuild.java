package io.pizza.billing.bill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.pizza.billing.config.BillingProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills every order again from scratch, as billing's own operation: after a fix in
 * billing, a lost database, or to watch a consumer group read a topic's history again.
 * The listener stops, the group's offsets go back to the start of the orders topic, the
 * bills and the running totals are emptied, and the listener starts again; it then bills
 * the topic's history as it would any backlog, each order once.
 * <p>
 * Longer than most classes here: stopping the listener, moving the group's offsets,
 * emptying the tables and starting again must happen in this order, under one lock, and
 * are read best together.
 */
@Component
class Rebuild implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	// tries for about 30 s
	private final RetryTemplate groupEmptied = new RetryTemplate(RetryPolicy.builder()
		.includes(GroupNotEmptyException.class, UnknownMemberIdException.class)
		.delay(Duration.ofMillis(500))
		.maxRetries(60)
		.build());

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaAdmin kafkaAdmin;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String group;

	private final BillingProperties properties;

	private @Nullable Admin admin;

	Rebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, JdbcTemplate jdbc,
			TransactionTemplate transaction, KafkaProperties kafka, BillingProperties properties) {
		this.listeners = listeners;
		this.kafkaAdmin = kafkaAdmin;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.group = kafka.getConsumer().getGroupId();
		this.properties = properties;
	}

	/**
	 * Starts a rebuild: returns once billing reads the orders topic from its start again.
	 * The offsets move first: when they cannot (another billing instance still in the
	 * group), nothing has changed; when the tables then cannot be emptied, billing reads
	 * the topic again and finds every bill there.
	 * @return how far it has to go
	 * @throws InterruptedException when interrupted while asking the brokers
	 */
	synchronized RebuildProgress start() throws InterruptedException {
		MessageListenerContainer container = this.listeners.getListenerContainer(OrderPlacedListener.ID);
		container.stop();
		try {
			Admin admin = admin();
			Map<TopicPartition, OffsetAndMetadata> start = offsets(admin, OffsetSpec.earliest()).entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new OffsetAndMetadata(entry.getValue())));
			moveTo(admin, start);
			log.info("[{}] rebuild: group {} back to the start of {}", this.properties.instanceId(), this.group,
					this.properties.ordersTopic());
			this.transaction.executeWithoutResult((status) -> this.jdbc.execute("TRUNCATE bills, shop_totals"));
			log.info("[{}] rebuild: bills and totals emptied", this.properties.instanceId());
		}
		finally {
			container.start();
		}
		return progress();
	}

	/**
	 * How far the group is from the end of the orders topic.
	 * @return the records left to read
	 * @throws InterruptedException when interrupted while asking the brokers
	 */
	RebuildProgress progress() throws InterruptedException {
		try {
			Admin admin = admin();
			Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get();
			long left = ends.entrySet().stream().mapToLong((end) -> {
				OffsetAndMetadata at = committed.get(end.getKey());
				return end.getValue() - ((at != null) ? at.offset() : 0);
			}).sum();
			return RebuildProgress.of(left);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read group " + this.group + ": " + ex.getCause(), ex);
		}
	}

	// one client for the rebuild and every look at its progress, made on first use
	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

	private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws InterruptedException {
		try {
			Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(this.properties.ordersTopic()))
				.allTopicNames()
				.get()
				.get(this.properties.ordersTopic())
				.partitions()
				.stream()
				.collect(Collectors.toMap(
						(partition) -> new TopicPartition(this.properties.ordersTopic(), partition.partition()),
						(partition) -> spec));
			return admin.listOffsets(partitions)
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(
					"Could not read the offsets of " + this.properties.ordersTopic() + ": " + ex.getCause(), ex);
		}
	}

	// the stopped members' leaving may take a moment to reach the group's coordinator
	private void moveTo(Admin admin, Map<TopicPartition, OffsetAndMetadata> offsets) {
		try {
			this.groupEmptied.execute(() -> {
				try {
					return admin.alterConsumerGroupOffsets(this.group, offsets).all().get();
				}
				catch (ExecutionException ex) {
					throw ex.getCause();
				}
			});
		}
		catch (RetryException ex) {
			throw new IllegalStateException("Could not move group " + this.group + ": " + ex.getCause(), ex);
		}
	}

}
