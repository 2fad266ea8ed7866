package io.pizza.order.intake;

import java.util.List;
import java.util.Set;

import io.pizza.testing.BadRequests.BadRequest;
import io.pizza.testing.BadRequests;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TopicContents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of a few hundred bad requests made from one good order (wrong types, missing
 * and oversized fields, broken JSON and encodings, wrong media types, methods and paths),
 * over real HTTP: each answered {@code 4xx} as a problem detail, and not one order
 * published or stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RealKafka.class, RealPostgres.class, OrderPublishingTests.StatusTopic.class })
class BadInputTests {

	private static final String ORDER = """
			{"shop": "Luigis Pizza",
			 "customer": {"name": "Ada", "phone": "+39 02 1234567", "address": "Via Roma 1, Milano"},
			 "pizzas": [{"name": "Margherita", "toppings": ["olives"]}]}""";

	@LocalServerPort
	int port;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyBadRequestIsRefusedAndNothingIsPlaced() throws Exception {
		List<BadRequest> corpus = BadRequests.of("/orders", ORDER, Set.of("toppings"), 20_000);
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
		String brokers = String.join(",", this.kafka.getBootstrapServers());
		long published = TopicContents.written(brokers, "pizza-orders");
		Integer stored = this.jdbc.queryForObject("SELECT count(*) FROM orders", Integer.class);
		BadRequests.allRefused("http://localhost:" + this.port, corpus, null);
		assertThat(TopicContents.written(brokers, "pizza-orders")).isEqualTo(published);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders", Integer.class)).isEqualTo(stored);
	}

}
