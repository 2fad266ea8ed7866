package io.pizza.billing.bill;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.testing.AccessClient;
import io.pizza.testing.AccessMatrix;
import io.pizza.testing.AccessMatrix.Endpoint;
import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Every endpoint of billing-service against every role: bills and totals for staff and
 * admins alone, a rebuild for admins.
 */
@SpringBootTest(
		properties = { "spring.kafka.listener.auto-startup=false", "billing-service.dead-letter-topic.replicas=1" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class, PizzaTopics.class })
class HttpAccessTests {

	private static final List<Endpoint> TABLE = new ArrayList<>(AccessMatrix.common());

	static {
		TABLE.add(AccessMatrix.staff("GET", "/bills"));
		TABLE.add(AccessMatrix.staff("GET", "/bills/summary"));
		TABLE.add(AccessMatrix.staff("GET", "/bills/{orderId}").at("/bills/" + UUID.randomUUID()));
		TABLE.add(AccessMatrix.admin("GET", "/bills/rebuild"));
		TABLE.add(AccessMatrix.admin("POST", "/bills/rebuild"));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointHasARule() {
		AccessMatrix.coversEveryEndpoint(this.context, TABLE);
	}

	@Test
	void everyRoleGetsWhatTheTableSays() throws Exception {
		AccessMatrix.check(TABLE, AccessClient.through(this.mvc));
	}

}
