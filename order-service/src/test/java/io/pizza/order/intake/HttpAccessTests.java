package io.pizza.order.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pizza.testing.AccessClient;
import io.pizza.testing.AccessMatrix.Endpoint;
import io.pizza.testing.AccessMatrix;
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
 * Every endpoint of order-service against every role: the menu, placing an order and
 * reading one by its id open to anyone, the list of every order for staff and admins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class, OrderPublishingTests.StatusTopic.class })
class HttpAccessTests {

	private static final String ORDER = """
			{"shop":"Luigis Pizza","customer":{"name":"Ada","phone":"+39 02 1","address":"Via Roma 1"},
			 "pizzas":[{"name":"Margherita","toppings":[]}]}""";

	private static final List<Endpoint> TABLE = new ArrayList<>(AccessMatrix.common());

	static {
		TABLE.add(AccessMatrix.open("GET", "/menu"));
		TABLE.add(AccessMatrix.open("POST", "/orders").with(ORDER));
		TABLE.add(AccessMatrix.open("GET", "/orders/{orderId}").at("/orders/" + UUID.randomUUID()));
		TABLE.add(AccessMatrix.staff("GET", "/orders"));
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
