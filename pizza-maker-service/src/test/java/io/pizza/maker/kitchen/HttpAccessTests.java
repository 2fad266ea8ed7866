package io.pizza.maker.kitchen;

import java.util.ArrayList;
import java.util.List;

import io.pizza.testing.AccessClient;
import io.pizza.testing.AccessMatrix;
import io.pizza.testing.AccessMatrix.Endpoint;
import io.pizza.testing.RealKafka;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Every endpoint of a pizza maker against every role: its kitchen for staff and admins.
 * The maker does not join its group here (its listener is not started).
 */
@SpringBootTest(
		properties = { "pizza-maker-service.instance-id=maker-access", "pizza-maker-service.status-topic.replicas=1",
				"pizza-maker-service.dead-letter-topic.replicas=1", "spring.kafka.listener.auto-startup=false" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, OrderPlacedListenerTests.Topics.class })
class HttpAccessTests {

	private static final List<Endpoint> TABLE = new ArrayList<>(AccessMatrix.common());

	static {
		TABLE.add(AccessMatrix.staff("GET", "/kitchen"));
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
