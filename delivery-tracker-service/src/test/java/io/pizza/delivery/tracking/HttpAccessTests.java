package io.pizza.delivery.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.testing.AccessClient;
import io.pizza.testing.AccessMatrix;
import io.pizza.testing.AccessMatrix.Endpoint;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Every endpoint of the tracker against every role, over HTTP: one delivery and the city
 * open to anyone, every delivery (the map, the list, the stream) for staff and admins, a
 * courier's positions for that courier alone. A tracker of its own, reading nothing: the
 * others' deliveries are not disturbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "delivery-tracker-service.instance-id=tracker-access",
				"delivery-tracker-service.positions-topic.replicas=1", "spring.kafka.listener.auto-startup=false" })
@Import({ RealKafka.class, PizzaTopics.class })
class HttpAccessTests {

	private static final UUID ORDER = UUID.randomUUID();

	private static final String POSITION = """
			{"orderId": "%s", "lat": 45.46, "lon": 9.19}""".formatted(ORDER);

	private static final List<Endpoint> TABLE = new ArrayList<>(AccessMatrix.common());

	static {
		String delivery = "/deliveries/" + UUID.randomUUID();
		TABLE.add(AccessMatrix.staff("GET", "/"));
		TABLE.add(AccessMatrix.staff("GET", "/deliveries"));
		TABLE.add(AccessMatrix.staff("GET", "/deliveries/positions"));
		TABLE.add(AccessMatrix.open("GET", "/city"));
		TABLE.add(AccessMatrix.open("GET", "/map.js"));
		TABLE.add(AccessMatrix.open("GET", "/deliveries/{orderId}").at(delivery));
		TABLE.add(AccessMatrix.open("GET", "/deliveries/{orderId}/positions").at(delivery + "/positions"));
		TABLE.add(AccessMatrix.ownCourier("POST", "/couriers/{courierId}/positions")
			.at("/couriers/bike-7/positions")
			.with(POSITION));
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointHasARule() {
		AccessMatrix.coversEveryEndpoint(this.context, TABLE);
	}

	@Autowired
	Deliveries deliveries;

	@Test
	void everyRoleGetsWhatTheTableSays() throws Exception {
		// the delivery whose positions its courier reports is one it was sent on
		this.deliveries.record(new CourierMoved(ORDER, "bike-7", 45.46, 9.19, Instant.now(), false));
		AccessMatrix.check(TABLE, AccessClient.over("http://localhost:" + this.port));
	}

}
