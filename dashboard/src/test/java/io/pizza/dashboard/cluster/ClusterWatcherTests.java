package io.pizza.dashboard.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker: the dashboard sees the broker and the active controller, a topic's
 * partitions with their leader and end offsets, a group's two members splitting the
 * partitions with the lag of each, and, when one member leaves, the rebalance and how
 * long until its partitions had an owner again.
 */
@SpringBootTest(properties = { "spring.kafka.admin.auto-create=true", "dashboard.refresh=300ms",
		"dashboard.order-service=http://localhost:1", "dashboard.billing-service=http://localhost:1" })
@Import({ RealKafka.class, PizzaTopics.class })
class ClusterWatcherTests {

	@Autowired
	ClusterWatcher watcher;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void seesMembersShareThePartitionsAndOneLeave() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			for (int n = 0; n < 30; n++) {
				producer.send(new ProducerRecord<>("pizza-orders", "shop-" + (n % 7), "order " + n)).get();
			}
		}
		Worker a = new Worker("worker-a-0");
		Worker b = new Worker("worker-b-0");
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Snapshot.Group group = group(this.watcher.latest());
				assertThat(group.members()).extracting(Snapshot.Member::instance)
					.containsExactly("worker-a", "worker-b");
				assertThat(group.members()).allSatisfy((member) -> assertThat(member.partitions()).hasSize(3));
				assertThat(group.lag()).hasSize(6).allSatisfy((lag) -> assertThat(lag.owner()).isNotNull());
			});
			Snapshot snapshot = this.watcher.latest();
			// the new protocol's epochs: each member reconciled to the target assignment
			Snapshot.Group settled = group(snapshot);
			assertThat(settled.groupEpoch()).isNotNull().isPositive();
			assertThat(settled.targetAssignmentEpoch()).isEqualTo(settled.groupEpoch());
			assertThat(settled.members()).allSatisfy((member) -> {
				assertThat(member.epoch()).isEqualTo(settled.targetAssignmentEpoch());
				assertThat(member.assigned()).containsExactlyInAnyOrderElementsOf(member.partitions());
			});
			assertThat(snapshot.brokers()).singleElement().satisfies((broker) -> {
				assertThat(broker.up()).isTrue();
				assertThat(broker.controller()).isTrue();
			});
			assertThat(snapshot.controller()).isEqualTo(snapshot.brokers().get(0).id());
			Snapshot.Topic orders = snapshot.topics()
				.stream()
				.filter((topic) -> topic.name().equals("pizza-orders"))
				.findFirst()
				.orElseThrow();
			assertThat(orders.partitions()).hasSize(6)
				.allSatisfy((partition) -> assertThat(partition.leader()).isEqualTo(snapshot.controller()));
			long written = orders.partitions().stream().mapToLong(Snapshot.Partition::endOffset).sum();
			assertThat(written).as("the 30 orders, and any an earlier test wrote").isGreaterThanOrEqualTo(30);
			// the workers commit nothing: the whole topic is their lag
			assertThat(group(snapshot).lag().stream().mapToLong(Snapshot.Lag::lag).sum()).isEqualTo(written);

			b.stop();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Snapshot now = this.watcher.latest();
				assertThat(group(now).members()).singleElement()
					.satisfies((member) -> assertThat(member.partitions()).hasSize(6));
				assertThat(group(now).groupEpoch()).as("one more at the member's leaving")
					.isGreaterThan(settled.groupEpoch());
				assertThat(now.rebalances()).first().satisfies((rebalance) -> {
					assertThat(rebalance.group()).isEqualTo("workers");
					assertThat(rebalance.left()).containsExactly("worker-b");
					assertThat(rebalance.partitions()).isEqualTo(6);
					assertThat(rebalance.ownedAgainAfterMillis()).isNotNull().isLessThan(30_000);
				});
			});
		}
		finally {
			a.stop();
			b.stop();
		}
	}

	@Test
	void seesAShareGroupsMembersAndTheRecordsNotDoneWith() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			for (int n = 0; n < 12; n++) {
				producer.send(new ProducerRecord<>("pizza-orders", "shop-" + (n % 7), "order " + n)).get();
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin
				.incrementalAlterConfigs(
						Map.of(new ConfigResource(ConfigResource.Type.GROUP, "queue"),
								List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"),
										AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		// a member that takes records and acknowledges none
		try (KafkaShareConsumer<String, String> member = new KafkaShareConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"queue", ConsumerConfig.CLIENT_ID_CONFIG, "taker-0",
						ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit"),
				new StringDeserializer(), new StringDeserializer())) {
			member.subscribe(List.of("pizza-orders"));
			List<ConsumerRecord<String, String>> taken = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				member.poll(Duration.ofMillis(300)).forEach(taken::add);
				return !taken.isEmpty();
			});
			// it acknowledges all it took but the first: the brokers keep a partition's
			// state once it changes
			ConsumerRecord<String, String> held = taken.get(0);
			taken.subList(1, taken.size()).forEach((record) -> member.acknowledge(record, AcknowledgeType.ACCEPT));
			member.commitSync();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Snapshot.ShareGroup queue = this.watcher.latest()
					.shareGroups()
					.stream()
					.filter((group) -> group.id().equals("queue"))
					.findFirst()
					.orElseThrow();
				assertThat(queue.members()).singleElement().satisfies((taker) -> {
					assertThat(taker.instance()).isEqualTo("taker");
					assertThat(taker.epoch()).isPositive();
					assertThat(taker.partitions()).hasSize(6);
				});
				assertThat(queue.groupEpoch()).isPositive();
				assertThat(queue.partitions()).hasSize(6)
					.allSatisfy((partition) -> assertThat(partition.topic()).isEqualTo("pizza-orders"))
					.filteredOn((partition) -> partition.partition() == held.partition())
					.singleElement()
					.satisfies((partition) -> {
						assertThat(partition.startOffset()).as("not past the record held")
							.isNotNull()
							.isLessThanOrEqualTo(held.offset());
						assertThat(partition.lag()).as("the record held not done with").isPositive();
					});
			});
		}
	}

	private static Snapshot.Group group(Snapshot snapshot) {
		return snapshot.groups()
			.stream()
			.filter((group) -> group.id().equals("workers"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group 'workers' in " + snapshot.groups()));
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

	/**
	 * A member of the group {@code workers}, polling on a thread of its own.
	 */
	private final class Worker {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private Worker(String clientId) {
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
					ConsumerConfig.GROUP_ID_CONFIG, "workers", ConsumerConfig.CLIENT_ID_CONFIG, clientId,
					ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			this.thread = new Thread(() -> {
				try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
						new StringDeserializer())) {
					consumer.subscribe(List.of("pizza-orders"));
					while (this.running.get()) {
						consumer.poll(Duration.ofMillis(200));
					}
				}
			}, clientId);
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join(10_000);
		}

	}

}
