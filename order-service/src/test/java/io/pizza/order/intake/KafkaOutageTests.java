package io.pizza.order.intake;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.pizza.testing.InProcessKafka;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the brokers cannot take an order, every answer still says what is true, and none
 * hangs: an order the producer took but the brokers did not acknowledge within the
 * answer's deadline is {@code 202 PENDING}, and stays so after the producer gives up on
 * it, for with no broker to read nobody can tell whether it is in the log; an order the
 * producer could not even take (its buffer full) is {@code 503} with {@code Retry-After},
 * and nothing of it is kept. The producer here has a tiny buffer, gives up after 4 s, and
 * keeps the metadata of a cluster that stopped answering (by default it forgets it, and
 * then answers {@code 503} at once: nothing handed over). The way from {@code 202} to
 * {@code PLACED}, a broker killed while orders come, is {@code ChaosTests}'.
 */
// the listeners are not started: this test is about the intake, and a consumer of a dead
// cluster would only slow the context's close
@SpringBootTest(properties = { "spring.kafka.listener.auto-startup=false", "order-service.answer-deadline=500ms",
		"spring.kafka.producer.batch-size=1024", "spring.kafka.producer.buffer-memory=2048",
		"spring.kafka.producer.properties.linger.ms=0", "spring.kafka.producer.properties.max.block.ms=500",
		"spring.kafka.producer.properties.request.timeout.ms=1500",
		"spring.kafka.producer.properties.delivery.timeout.ms=4000",
		"spring.kafka.producer.properties.metadata.recovery.strategy=none" })
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class })
@DirtiesContext
class KafkaOutageTests {

	// an order large enough to fill a batch of its own (more than half of one), and
	// small enough to fit in one, prices and headers included: a long address and two
	// pizzas of five toppings
	private static final String ORDER = """
			{"shop":"Marios Pizza","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano %s"},
			 "pizzas":[%s]}"""
		.formatted("x".repeat(120), String.join(",", Collections.nCopies(2,
				"{\"name\":\"Marinara\",\"toppings\":[\"tomato\",\"olives\",\"garlic\",\"onion\",\"egg\"]}")));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Placements placements;

	@Autowired
	KafkaAdmin admin;

	@Autowired
	ObjectProvider<InProcessKafka> inProcessKafka;

	@Autowired
	ObjectProvider<KafkaContainer> kafkaContainer;

	@Test
	void everyAnswerSaysWhatIsTrueWhileTheBrokersCannotTakeOrders() throws Exception {
		assertThat(place()).hasStatus(201);
		stopKafka();

		String first = pending();
		String second = pending();
		int before = this.placements.size();
		long started = System.nanoTime();
		MvcTestResult refused = place();
		assertThat(refused).as("the buffer is full")
			.hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "5");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by max.block.ms")
			.isLessThan(Duration.ofSeconds(3));
		assertThat(this.placements.size()).as("nothing kept of the refused order").isEqualTo(before);
		// the producer gives up on them after 4 s; with no broker to read, nobody can
		// tell whether they are in the log: they stay PENDING, never NOT_PLACED
		await().during(Duration.ofSeconds(8))
			.atMost(Duration.ofSeconds(10))
			.until(() -> List.of(status(first), status(second)), List.of("PENDING", "PENDING")::equals);
	}

	private String pending() {
		MvcTestResult answer = place();
		assertThat(answer).hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		String location = answer.getResponse().getHeader("Location");
		assertThat(location).startsWith("/orders/");
		assertThat(status(location)).isEqualTo("PENDING");
		return location;
	}

	private String status(String location) {
		try {
			return JsonMapper.builder()
				.build()
				.readTree(this.mvc.get().uri(location).exchange().getResponse().getContentAsString())
				.get("status")
				.asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void minInSyncReplicas(int replicas) throws Exception {
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			client.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "pizza-orders"),
					List.of(new AlterConfigOp(
							new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replicas)),
							AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
	}

	private MvcTestResult place() {
		return this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange();
	}

	private void stopKafka() throws Exception {
		InProcessKafka broker = this.inProcessKafka.getIfAvailable();
		if (broker != null) {
			broker.close();
		}
		this.kafkaContainer.ifAvailable(KafkaContainer::stop);
	}

}
