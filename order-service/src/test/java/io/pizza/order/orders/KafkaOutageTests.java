package io.pizza.order.orders;

import java.time.Duration;

import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the brokers gone, an order is refused with a 503 and a {@code Retry-After} once
 * the send times out, and nothing of it is kept: never a 201 for an order Kafka does not
 * have, never a request left hanging.
 */
// the status listener is not started: this test is about the intake, and a consumer of a
// dead cluster would only slow the context's close
@SpringBootTest(properties = { "order-service.orders-topic.replicas=1", "order-service.rows-topic.replicas=1",
		"spring.kafka.listener.auto-startup=false" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class })
@DirtiesContext
class KafkaOutageTests {

	private static final String ORDER = """
			{"shop":"Marios Pizza","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},
			 "pizzas":[{"name":"Marinara"}]}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Orders orders;

	@Autowired
	ObjectProvider<EmbeddedKafkaBroker> embeddedBroker;

	@Autowired
	ObjectProvider<KafkaContainer> kafkaContainer;

	@Test
	void ordersAreRefusedWith503AndNotKeptWhileTheBrokersAreDown() {
		assertThat(place()).hasStatus(201);
		long kept = this.orders.count();
		stopKafka();
		long started = System.nanoTime();
		MvcTestResult refused = place();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("503 answered after " + took.toMillis() + " ms");
		assertThat(refused).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "5");
		assertThat(took).as("bounded by order-service.send-timeout").isLessThan(Duration.ofSeconds(10));
		assertThat(this.orders.count()).as("nothing kept of the refused order").isEqualTo(kept);
	}

	private MvcTestResult place() {
		return this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange();
	}

	private void stopKafka() {
		this.embeddedBroker.ifAvailable(EmbeddedKafkaBroker::destroy);
		this.kafkaContainer.ifAvailable(KafkaContainer::stop);
	}

}
