package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TestUser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker and database: an admin's rebuild bills every order of the orders topic
 * again beside the bills in use and swaps them in once done, to the same totals; a bill
 * whose order retention deleted from the topic is kept as it was, and so is one billed
 * while the rebuild read.
 */
@SpringBootTest(properties = "billing-service.dead-letter-topic.replicas=1")
@AutoConfigureMockMvc
@Import({ RealKafka.class, RealPostgres.class, PizzaTopics.class })
class RebuildTests {

	private static final TheMenu menu = TheMenu.ofOrderService();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaAdmin admin;

	@Autowired
	Bills bills;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aRebuildBillsWhatTheTopicHoldsAgainAndKeepsEveryOtherBill() throws Exception {
		List<UUID> orders = new ArrayList<>();
		List<Map.Entry<String, String>> records = new ArrayList<>();
		for (int n = 0; n < 12; n++) {
			UUID orderId = UUID.randomUUID();
			String shop = menu.shops().get(n % menu.shops().size());
			orders.add(orderId);
			records.add(new SimpleEntry<>(shop, OrderEvents.placed(orderId, shop,
					List.of(menu.pizza("Diavola", "olives"), menu.pizza("Marinara")))));
		}
		OrderEvents events = new OrderEvents(String.join(",", this.kafka.getBootstrapServers()));
		events.publish(records);
		await().untilAsserted(() -> assertThat(this.bills.findAllById(orders)).hasSize(orders.size()));
		BigDecimal before = total(orders);
		long billsBefore = this.bills.count();
		// as retention would: the topic starts after the first of these orders on each
		// partition
		Map<Integer, Bill> firsts = this.transactions.execute((status) -> this.bills.findAllById(orders)
			.stream()
			.collect(Collectors.toMap(Bill::getKafkaPartition, (bill) -> bill,
					(one, other) -> (one.getKafkaOffset() < other.getKafkaOffset()) ? one : other)));
		List<UUID> gone = firsts.values().stream().map(Bill::getId).toList();
		deleteRecordsUpTo(firsts.values());
		Instant rebuiltFrom = Instant.now();

		assertThat(rebuild("POST")).hasStatus(202);
		UUID meanwhile = UUID.randomUUID();
		events.publish(List.of(new SimpleEntry<>("Marios Pizza",
				OrderEvents.placed(meanwhile, "Marios Pizza", List.of(menu.pizza("Margherita"))))));

		await().untilAsserted(() -> assertThat(body(rebuild("GET")).get("state").asString()).isEqualTo("DONE"));
		JsonNode done = body(rebuild("GET"));
		assertThat(done.get("kept").get("goneFromTopic").asLong()).isGreaterThanOrEqualTo(gone.size());
		assertThat(done.get("changed").asLong()).isZero();
		await().untilAsserted(() -> assertThat(this.bills.findById(meanwhile)).isPresent());
		assertThat(this.bills.count()).as("every bill there before, and the one billed meanwhile")
			.isEqualTo(billsBefore + 1);
		this.transactions.executeWithoutResult((status) -> {
			assertThat(this.bills.findAllById(orders)).hasSize(orders.size()).allSatisfy((bill) -> {
				if (gone.contains(bill.getId())) {
					assertThat(bill.getBilledAt()).as("kept as it was").isBefore(rebuiltFrom);
				}
				else {
					assertThat(bill.getBilledAt()).as("billed again").isAfter(rebuiltFrom);
				}
			});
		});
		assertThat(gone).isNotEmpty();
		assertThat(total(orders)).isEqualByComparingTo(before);
	}

	private void deleteRecordsUpTo(Collection<Bill> lasts) throws Exception {
		Map<TopicPartition, RecordsToDelete> upTo = new HashMap<>();
		lasts.forEach((bill) -> upTo.put(new TopicPartition("pizza-orders", bill.getKafkaPartition()),
				RecordsToDelete.beforeOffset(bill.getKafkaOffset() + 1)));
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			client.deleteRecords(upTo).all().get();
		}
	}

	private BigDecimal total(List<UUID> orders) {
		return this.transactions.execute((status) -> this.bills.findAllById(orders)
			.stream()
			.map(Bill::getTotal)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private MvcTestResult rebuild(String method) {
		return this.mvc.method(HttpMethod.valueOf(method))
			.uri("/bills/rebuild")
			.header(HttpHeaders.AUTHORIZATION, TestUser.ADMIN.basic())
			.exchange();
	}

	private static JsonNode body(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
