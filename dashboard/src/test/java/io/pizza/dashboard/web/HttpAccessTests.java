package io.pizza.dashboard.web;

import java.util.ArrayList;
import java.util.List;

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
 * Every endpoint of the dashboard against every role, over HTTP: the page and what it
 * shows for staff and admins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.admin.auto-create=true", "dashboard.order-service=http://localhost:1",
				"dashboard.billing-service=http://localhost:1" })
@Import({ RealKafka.class, PizzaTopics.class })
class HttpAccessTests {

	private static final List<Endpoint> TABLE = new ArrayList<>(AccessMatrix.common());

	static {
		TABLE.add(AccessMatrix.staff("GET", "/"));
		TABLE.add(AccessMatrix.open("GET", "/dashboard.js"));
		TABLE.add(AccessMatrix.staff("GET", "/api/dashboard"));
		TABLE.add(AccessMatrix.staff("GET", "/api/dashboard/stream"));
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointHasARule() {
		AccessMatrix.coversEveryEndpoint(this.context, TABLE);
	}

	@Test
	void everyRoleGetsWhatTheTableSays() throws Exception {
		AccessMatrix.check(TABLE, AccessClient.over("http://localhost:" + this.port));
	}

}
