package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pizza.testing.PizzaTopics;
import io.pizza.testing.RealKafka;
import io.pizza.testing.RealPostgres;
import io.pizza.testing.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker and database: an admin's rebuild empties the bills, reads the orders
 * topic from its start again and bills every order once more, to the same totals.
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
	Bills bills;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvcTester mvc;

	@Test
	void anAdminsRebuildBillsEveryOrderAgainToTheSameTotals() {
		List<UUID> orders = new ArrayList<>();
		List<Map.Entry<String, String>> records = new ArrayList<>();
		for (int n = 0; n < 12; n++) {
			UUID orderId = UUID.randomUUID();
			String shop = menu.shops().get(n % menu.shops().size());
			orders.add(orderId);
			records.add(new SimpleEntry<>(shop, OrderEvents.placed(orderId, shop,
					List.of(menu.pizza("Diavola", "olives"), menu.pizza("Marinara")))));
		}
		new OrderEvents(String.join(",", this.kafka.getBootstrapServers())).publish(records);
		await().untilAsserted(() -> assertThat(this.bills.findAllById(orders)).hasSize(orders.size()));
		BigDecimal before = total(orders);
		Instant rebuiltFrom = Instant.now();

		MvcTestResult started = rebuild("POST");
		assertThat(started).hasStatus(202);
		assertThat(body(started).get("ordersLeft").asLong()).isGreaterThanOrEqualTo(orders.size());

		await().untilAsserted(() -> assertThat(body(rebuild("GET")).get("caughtUp").asBoolean()).isTrue());
		this.transactions
			.executeWithoutResult((status) -> assertThat(this.bills.findAllById(orders)).hasSize(orders.size())
				.allSatisfy((bill) -> assertThat(bill.getBilledAt()).isAfter(rebuiltFrom)));
		assertThat(total(orders)).isEqualByComparingTo(before);
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
