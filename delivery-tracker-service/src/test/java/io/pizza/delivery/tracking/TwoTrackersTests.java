package io.pizza.delivery.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.pizza.delivery.DeliveryTrackerApplication;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TopicContents;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two tracker instances on one real broker: they share the status topic's partitions, so
 * one of them sends the courier; and each reads every position in a group of its own, so
 * a client gets all of the order's positions whichever instance it follows it on; and
 * when one of them goes, the other delivers what it left on the road and waiting, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-a",
				"delivery-tracker-service.positions-topic.replicas=1",
				"delivery-tracker-service.courier.interval=200ms", "delivery-tracker-service.courier.trip=3s",
				"delivery-tracker-service.courier.per-shop=1", "spring.kafka.consumer.auto-offset-reset=earliest" })
@Import({ RealKafka.class, PizzaTopics.class })
class TwoTrackersTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	ConfigurableApplicationContext second;

	@BeforeEach
	void startSecondInstance() {
		this.second = new SpringApplicationBuilder(DeliveryTrackerApplication.class).run("--server.port=0",
				"--delivery-tracker-service.instance-id=tracker-b",
				"--delivery-tracker-service.positions-topic.replicas=1",
				"--delivery-tracker-service.courier.interval=200ms", "--delivery-tracker-service.courier.trip=3s",
				"--delivery-tracker-service.courier.per-shop=1", "--spring.kafka.consumer.auto-offset-reset=earliest",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers());
	}

	@AfterEach
	void stopSecondInstance() {
		this.second.close();
	}

	@Test
	void oneInstanceSendsTheCourierAndBothStreamEveryPosition() {
		KafkaListenerEndpointRegistry secondListeners = this.second.getBean(KafkaListenerEndpointRegistry.class);
		// the status topic's six partitions split between the two, none twice
		await().untilAsserted(() -> {
			List<TopicPartition> a = assigned(this.listeners.getListenerContainer("dispatch"));
			List<TopicPartition> b = assigned(secondListeners.getListenerContainer("dispatch"));
			assertThat(b).isNotEmpty();
			assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
			assertThat(a.size() + b.size()).isEqualTo(6);
		});
		// the positions topic's six partitions to each of them
		await().untilAsserted(() -> {
			assertThat(assigned(this.listeners.getListenerContainer("positions"))).hasSize(6);
			assertThat(assigned(secondListeners.getListenerContainer("positions"))).hasSize(6);
		});

		UUID orderId = UUID.randomUUID();
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		kitchen.orderPlaced(orderId, "Mammamia Pizza", "Via Dante 3, Milano");
		int secondPort = ((WebServerApplicationContext) this.second).getWebServer().getPort();
		try (SseClient onA = SseClient.open(uri(this.port, orderId));
				SseClient onB = SseClient.open(uri(secondPort, orderId))) {
			kitchen.baked(orderId);
			await().atMost(Duration.ofSeconds(30)).until(() -> onA.ended() && onB.ended());
			assertThat(onA.events()).hasSizeGreaterThanOrEqualTo(10);
			assertThat(times(onA)).isEqualTo(times(onB));
			assertThat(onB.events().get(onB.events().size() - 1).name()).isEqualTo("delivered");
		}
		List<String> dispatched = TopicContents.readAll(bootstrapServers(), "pizza-order-status")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()) && record.value().contains("OUT_FOR_DELIVERY"))
			.map((record) -> record.value())
			.toList();
		assertThat(dispatched).hasSize(1);
	}

	@Test
	void theInstanceLeftDeliversWhatTheOtherLeftOnTheRoadAndWaitingOnce() {
		KafkaListenerEndpointRegistry secondListeners = this.second.getBean(KafkaListenerEndpointRegistry.class);
		await().untilAsserted(() -> assertThat(assigned(secondListeners.getListenerContainer("dispatch"))).hasSize(3));
		List<Integer> ownedBySecond = assigned(secondListeners.getListenerContainer("dispatch")).stream()
			.map(TopicPartition::partition)
			.toList();
		// two orders of one shop with one courier, both dispatched by the second
		// instance: one on the road, one waiting for it
		UUID onTheRoad = orderOn(ownedBySecond);
		UUID waiting = orderOn(ownedBySecond);
		KitchenEvents kitchen = new KitchenEvents(bootstrapServers());
		kitchen.orderPlaced(onTheRoad, "Circular Pi Pizzeria", "Via Po 1, Milano");
		kitchen.orderPlaced(waiting, "Circular Pi Pizzeria", "Via Po 2, Milano");
		kitchen.baked(onTheRoad);
		kitchen.baked(waiting);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(positions(onTheRoad)).hasSizeGreaterThanOrEqualTo(3));

		this.second.close();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(statuses(onTheRoad, "DELIVERED")).hasSize(1);
			assertThat(statuses(waiting, "DELIVERED")).hasSize(1);
		});
		assertThat(statuses(onTheRoad, "OUT_FOR_DELIVERY")).as("left the shop once").hasSize(1);
		assertThat(statuses(waiting, "OUT_FOR_DELIVERY")).hasSize(1).allMatch((value) -> value.contains("courier-"));
		// the courier rode on from where it was: no more positions than one trip has
		List<String> trip = positions(onTheRoad);
		assertThat(trip).as("not a second trip from the shop").hasSizeLessThan(3 + 16);
		assertThat(trip.get(trip.size() - 1)).contains("\"delivered\":true");
		assertThat(statuses(onTheRoad, "DELIVERED")).hasSize(1);
	}

	private UUID orderOn(List<Integer> partitions) {
		while (true) {
			UUID orderId = UUID.randomUUID();
			byte[] key = orderId.toString().getBytes(StandardCharsets.UTF_8);
			if (partitions.contains(Utils.toPositive(Utils.murmur2(key)) % 6)) {
				return orderId;
			}
		}
	}

	private List<String> statuses(UUID orderId, String status) {
		return TopicContents.readAll(bootstrapServers(), "pizza-order-status")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()) && record.value().contains(status))
			.map((record) -> record.value())
			.toList();
	}

	private List<String> positions(UUID orderId) {
		return TopicContents.readAll(bootstrapServers(), "delivery-positions")
			.stream()
			.filter((record) -> record.key().equals(orderId.toString()))
			.map((record) -> record.value())
			.toList();
	}

	private static List<String> times(SseClient client) {
		return client.events().stream().map((event) -> event.data().get("at").asString()).toList();
	}

	private static List<TopicPartition> assigned(MessageListenerContainer container) {
		Set<TopicPartition> partitions = new HashSet<>();
		if (container.getAssignedPartitions() != null) {
			partitions.addAll(container.getAssignedPartitions());
		}
		return List.copyOf(partitions);
	}

	private static URI uri(int port, UUID orderId) {
		return URI.create("http://localhost:" + port + "/deliveries/" + orderId + "/positions");
	}

	private String bootstrapServers() {
		return String.join(",", this.kafka.getBootstrapServers());
	}

}
