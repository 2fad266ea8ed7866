package io.pizza.maker.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.ShareKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultShareConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ShareConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ShareConsumerRecordRecoverer;
import org.springframework.kafka.listener.ShareKafkaMessageListenerContainer;

/**
 * The makers as a share group, in the {@value #PROFILE} profile: share consumers built
 * from the same Kafka settings as the group's, a container running
 * {@code pizza-maker-service.queue.makers} of them, and the group's own settings (where a
 * new group starts, the record lock, the delivery limit) set on the brokers before the
 * first maker joins.
 */
@Configuration(proxyBeanMethods = false)
@Profile(QueueConfiguration.PROFILE)
public class QueueConfiguration {

	/** The profile that turns the makers into a share group. */
	public static final String PROFILE = "queue";

	/** The share listener container factory's bean name. */
	public static final String CONTAINER_FACTORY = "shareListenerContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(QueueConfiguration.class);

	@Bean
	ShareConsumerFactory<String, byte[]> shareConsumerFactory(ConsumerFactory<?, ?> consumers, KafkaProperties kafka,
			PizzaMakerProperties properties, KafkaAdmin admin) {
		configureGroup(admin, properties);
		// the group's consumers' settings: the brokers, the security, the deserializers
		Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
		config.keySet().removeAll(unsupported());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.queue().group());
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, recordsPerPoll(properties, kafka));
		// max.poll.records is a limit, not a hint: a maker holds no more orders than it
		// can bake within their lock
		config.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
		DefaultShareConsumerFactory<String, byte[]> factory = new DefaultShareConsumerFactory<>(config);
		String group = properties.queue().group();
		factory.addListener(new ShareConsumerFactory.Listener<>() {

			@Override
			public void consumerAdded(String id, ShareConsumer<String, byte[]> consumer) {
				log.info(
						"[{}] {} joins share group {}: takes orders from the partitions it shares, owns none, stops no one",
						properties.instanceId(), clientId(id), group);
			}

			@Override
			public void consumerRemoved(String id, ShareConsumer<String, byte[]> consumer) {
				log.info("[{}] {} leaves share group {}: the orders it holds go back to the others",
						properties.instanceId(), clientId(id), group);
			}

		});
		return factory;
	}

	/**
	 * Each maker bakes the orders a poll gave it one after the other, and must be done
	 * with the last before its lock ends: a poll takes as many as half the lock can bake
	 * if each were of the largest size, and never more than
	 * {@code spring.kafka.consumer.max-poll-records}.
	 */
	static int recordsPerPoll(PizzaMakerProperties properties, KafkaProperties kafka) {
		Integer configured = kafka.getConsumer().getMaxPollRecords();
		return properties.ordersBakedWithin(properties.queue().recordLock().dividedBy(2),
				(configured != null) ? configured : ConsumerConfig.DEFAULT_MAX_POLL_RECORDS);
	}

	/**
	 * The listener acknowledges each order itself; one that fails is released: delivered
	 * again, to any maker, its delivery count one more, until the listener gives it up on
	 * its last delivery.
	 */
	@Bean(CONTAINER_FACTORY)
	ShareKafkaListenerContainerFactory<String, byte[]> shareListenerContainerFactory(
			ShareConsumerFactory<String, byte[]> consumers, PizzaMakerProperties properties) {
		ShareKafkaListenerContainerFactory<String, byte[]> factory = new ShareKafkaListenerContainerFactory<>(
				consumers) {

			@Override
			protected void initializeContainer(ShareKafkaMessageListenerContainer<String, byte[]> container,
					KafkaListenerEndpoint endpoint) {
				super.initializeContainer(container, endpoint);
				// the group's members named by the instance, pizza-maker-1-0 and on, as
				// in the consumer group; each maker's thread maker-1 and on, named in its
				// log
				container.setClientId(properties.instanceId());
				container.getContainerProperties().setListenerTaskExecutor(new SimpleAsyncTaskExecutor("maker-"));
			}

		};
		factory.setConcurrency(properties.queue().makers());
		factory.getContainerProperties().setShareAckMode(ContainerProperties.ShareAckMode.MANUAL);
		factory.setShareConsumerRecordRecoverer(ShareConsumerRecordRecoverer.RELEASING);
		return factory;
	}

	// a share group's settings are the group's, not its consumers': a new group starts at
	// the latest offset unless told otherwise, and would miss the orders placed before
	private static void configureGroup(KafkaAdmin admin, PizzaMakerProperties properties) {
		PizzaMakerProperties.Queue queue = properties.queue();
		List<AlterConfigOp> settings = Map
			.of("share.auto.offset.reset", "earliest", "share.isolation.level", "read_committed",
					"share.record.lock.duration.ms", String.valueOf(queue.recordLock().toMillis()),
					"share.delivery.count.limit", String.valueOf(queue.deliveryLimit()))
			.entrySet()
			.stream()
			.map((setting) -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
					AlterConfigOp.OpType.SET))
			.toList();
		try (Admin client = Admin.create(admin.getConfigurationProperties())) {
			client
				.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, queue.group()), settings))
				.all()
				.get(30, TimeUnit.SECONDS);
			log.info("[{}] share group {}: record lock {} s, {} deliveries at most, new partitions from the earliest",
					properties.instanceId(), queue.group(), queue.recordLock().toSeconds(), queue.deliveryLimit());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not configure share group " + queue.group() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	// the factory names each consumer by its own bean name and the client id
	private static String clientId(String id) {
		return id.substring(id.indexOf('.') + 1);
	}

	private static List<String> unsupported() {
		return List.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
				ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
				ConsumerConfig.GROUP_PROTOCOL_CONFIG, ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
	}

}
