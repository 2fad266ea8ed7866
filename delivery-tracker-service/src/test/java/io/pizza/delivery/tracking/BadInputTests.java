package io.pizza.delivery.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.pizza.testing.BadRequests;
import io.pizza.testing.BadRequests.BadRequest;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.TestUser;
import io.pizza.testing.TopicContents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of a few hundred bad positions made from one good one, sent by the courier
 * they name over real HTTP: each answered {@code 4xx} as a problem detail, and not one
 * position published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-access",
				"delivery-tracker-service.positions-topic.replicas=1", "spring.kafka.listener.auto-startup=false" })
@Import({ RealKafka.class, PizzaTopics.class })
class BadInputTests {

	private static final UUID ORDER = UUID.randomUUID();

	private static final String POSITION = """
			{"orderId": "%s", "lat": 45.46, "lon": 9.19, "at": "2026-01-01T12:00:00Z", "delivered": false}"""
		.formatted(ORDER);

	@LocalServerPort
	int port;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	Deliveries deliveries;

	@Test
	void everyBadPositionIsRefusedAndNothingIsPublished() throws Exception {
		// sent on it: what is refused is refused for what it is
		this.deliveries.record(new CourierMoved(ORDER, "bike-7", 45.46, 9.19, Instant.now(), false));
		List<BadRequest> corpus = BadRequests.of("/couriers/bike-7/positions", POSITION, Set.of("at", "delivered"),
				5_000);
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
		String brokers = String.join(",", this.kafka.getBootstrapServers());
		long published = TopicContents.written(brokers, "delivery-positions");
		BadRequests.allRefused("http://localhost:" + this.port, corpus, TestUser.COURIER.basic());
		assertThat(TopicContents.written(brokers, "delivery-positions")).isEqualTo(published);
	}

}
