package io.pizza.order.intake;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pizza.order.book.ReadModel;
import io.pizza.order.config.OrderServiceSettings;
import io.pizza.order.menu.Menu;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Every rule of {@code POST /orders} and {@code GET /orders} at the HTTP edge: a good
 * order is placed, and every refused request gets a problem detail naming what is wrong
 * and places nothing.
 */
@WebMvcTest(OrderController.class)
@Import({ OrderRules.class, Menu.class, OrderServiceSettings.class })
class OrderControllerTests {

	private static final String KEY = "5f0c2a3e-8b1d-4c7a-9e6f-2d4b8a1c3e5f";

	private static final String GOOD = """
			{"shop":"Luigis Pizza","customer":{"name":"Adele","phone":"+39 02 1234567","address":"Via Roma 1, Milano"},
			 "pizzas":[{"name":"Margherita","toppings":["olives"]}]}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrderIntake intake;

	@MockitoBean
	KnownOrders known;

	@MockitoBean
	ReadModel readModel;

	@Test
	void aGoodOrderIsPlacedAndAnsweredWithWhereKafkaStoredIt() throws Exception {
		OrderView view = view(Status.PLACED);
		given(this.intake.place(any(), eq(null))).willReturn(new OrderIntake.Answer(view, false));
		MvcTestResult result = post(GOOD);
		assertThat(result).hasStatus(201)
			.hasHeader("Location", "/orders/" + view.orderId())
			.hasHeader(OrderController.REPLAYED, "false");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PLACED");
		assertThat(result).bodyJson().extractingPath("$.partition").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.offset").isEqualTo(42);
	}

	@Test
	void anOrderNotAcknowledgedInTimeIs202PendingWithWhereToFollowIt() throws Exception {
		OrderView view = view(Status.PENDING);
		given(this.intake.place(any(), eq(null))).willReturn(new OrderIntake.Answer(view, false));
		MvcTestResult result = post(GOOD);
		assertThat(result).hasStatus(202).hasHeader("Location", "/orders/" + view.orderId());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		assertThat(result).bodyJson().extractingPath("$.partition").isNull();
	}

	@Test
	void aRetriedOrderWithTheSameKeyIsAnsweredAsTheFirstTime() throws Exception {
		given(this.intake.place(any(), eq(KEY))).willReturn(new OrderIntake.Answer(view(Status.PLACED), true));
		assertThat(this.mvc.post()
			.uri("/orders")
			.header("Idempotency-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(GOOD)).hasStatus(201).hasHeader(OrderController.REPLAYED, "true");
	}

	@Test
	void aKeyThatCannotBeCheckedWithTheDatabaseAwayIs503WithNothingPlaced() throws Exception {
		// as seen with PostgreSQL killed under a running order-service
		given(this.intake.place(any(), eq(KEY)))
			.willThrow(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
					new SQLException("Connection is closed"))));
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("Idempotency-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(GOOD)
			.exchange();
		assertThat(result).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "5")
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Database unavailable");
	}

	@Test
	void malformedJsonIs400() {
		assertProblem(post("{\"shop\": \"Luigis Pizza\", "), 400, "Malformed JSON");
	}

	@Test
	void aFieldOfTheWrongTypeIs400NamingIt() {
		MvcTestResult result = post(GOOD.replace("\"toppings\":[\"olives\"]", "\"toppings\":{\"a\":1}"));
		assertProblem(result, 400, "Malformed request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("pizzas[0].toppings");
		assertProblem(post(GOOD.replace("\"pizzas\":[", "\"pizzas\":\"x\",\"other\":[")), 400, "Malformed request");
	}

	@Test
	void missingFieldsAre400NamingEachOfThem() {
		MvcTestResult result = post("""
				{"customer":{"name":"Adele"},"pizzas":[{"toppings":[]}]}""");
		assertProblem(result, 400, "Malformed request");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("customer.address", "customer.phone", "pizzas[0].name", "shop");
	}

	@Test
	void whatIsNotOnTheMenuIs422NamingEachField() {
		MvcTestResult result = post(GOOD.replace("Luigis Pizza", "Pizza Hut")
			.replace("Margherita", "Hawaii")
			.replace("\"olives\"", "\"olives\",\"ketchup\""));
		assertProblem(result, 422, "Order not accepted");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("shop", "pizzas[0].name", "pizzas[0].toppings[1]");
	}

	@Test
	void brokenLimitsAre422() {
		String pizza = "{\"name\":\"Margherita\"}";
		String eleven = String.join(",", java.util.Collections.nCopies(11, pizza));
		assertErrorField(
				post(GOOD.replace("[{\"name\":\"Margherita\",\"toppings\":[\"olives\"]}]", "[" + eleven + "]")),
				"pizzas");
		assertErrorField(post(GOOD.replace("\"pizzas\":[{", "\"pizzas\":[],\"x\":[{")), "pizzas");
		assertErrorField(
				post(GOOD.replace("[\"olives\"]", "[\"olives\",\"egg\",\"tuna\",\"onion\",\"garlic\",\"bacon\"]")),
				"pizzas[0].toppings");
		assertErrorField(post(GOOD.replace("Adele", "A".repeat(101))), "customer.name");
		assertErrorField(post(GOOD.replace("Adele", "")), "customer.name");
		assertErrorField(post(GOOD.replace("+39 02 1234567", "1".repeat(200))), "customer.phone");
		assertErrorField(post(GOOD.replace("+39 02 1234567", "call me")), "customer.phone");
		assertErrorField(post(GOOD.replace("Via Roma 1, Milano", "x".repeat(201))), "customer.address");
	}

	@Test
	void aValueOfTheWrongJsonTypeIs400NotCoerced() {
		for (String wrong : List.of(GOOD.replace("\"Adele\"", "0"), GOOD.replace("\"+39 02 1234567\"", "true"),
				GOOD.replace("\"Luigis Pizza\"", "1.5"), GOOD.replace("[\"olives\"]", "[7]"))) {
			MvcTestResult result = post(wrong);
			assertProblem(result, 400, "Malformed request");
			verifyNoInteractions(this.intake);
		}
	}

	@Test
	void aBodyOtherThanJsonIs415() {
		assertProblem(this.mvc.post().uri("/orders").contentType(MediaType.TEXT_PLAIN).content(GOOD).exchange(), 415,
				"Unsupported Media Type");
	}

	@Test
	void aBodyOver16KibIs413() {
		String large = GOOD.replace("Via Roma 1, Milano", "x".repeat(17 * 1024));
		assertProblem(post(large), 413, "Request too large");
	}

	@Test
	void unknownPathsAndMethodsAre404And405() {
		assertProblem(this.mvc.get().uri("/pizzas").exchange(), 404, "Not Found");
		assertProblem(this.mvc.delete().uri("/orders").exchange(), 405, "Method Not Allowed");
	}

	@Test
	void nothingHandedToKafkaIs503WithRetryAfter() throws Exception {
		given(this.intake.place(any(), any()))
			.willThrow(new OrderNotSent(UUID.randomUUID(), new RuntimeException("buffer full")));
		MvcTestResult result = post(GOOD);
		assertProblem(result, 503, "Kafka unavailable");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void reusingAKeyForAnotherOrderIs422() throws Exception {
		given(this.intake.place(any(), eq(KEY))).willThrow(new IdempotencyKeyReused(KEY));
		assertProblem(this.mvc.post()
			.uri("/orders")
			.header("Idempotency-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(GOOD)
			.exchange(), 422, "Idempotency-Key reused");
	}

	@Test
	void aKeyThatIsNoRandomUuidIs400() {
		for (String weak : List.of("key-1", "42", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", KEY + "0")) {
			MvcTestResult result = this.mvc.post()
				.uri("/orders")
				.header("Idempotency-Key", weak)
				.contentType(MediaType.APPLICATION_JSON)
				.content(GOOD)
				.exchange();
			assertProblem(result, 400, "Invalid parameters");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("idempotencyKey");
		}
	}

	@Test
	void aKeyThatCouldNotBeClaimedIs503WithNothingPlaced() throws Exception {
		given(this.intake.place(any(), eq(KEY)))
			.willThrow(new KeyUndecided(UUID.randomUUID(), new RuntimeException("claim not read back")));
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("Idempotency-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(GOOD)
			.exchange();
		assertProblem(result, 503, "Idempotency-Key not claimed");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void anOrderNotKnownWhileTheNotesAreStillBeingReadIs503NotA404() throws Exception {
		UUID orderId = UUID.randomUUID();
		given(this.known.view(orderId)).willThrow(new NotesUnread(orderId));
		MvcTestResult result = this.mvc.get().uri("/orders/" + orderId).exchange();
		assertProblem(result, 503, "Order not known yet");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void readingOrdersChecksItsParameters() {
		assertProblem(this.mvc.get().uri("/orders/" + UUID.randomUUID()).exchange(), 404, "Order not found");
		assertProblem(this.mvc.get().uri("/orders/not-an-id").exchange(), 400, "Invalid parameters");
		assertProblem(this.mvc.get().uri("/orders?size=1000").exchange(), 400, "Invalid parameters");
		assertProblem(this.mvc.get().uri("/orders?page=x").exchange(), 400, "Invalid parameters");
	}

	private MvcTestResult post(String body) {
		return this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private void assertErrorField(MvcTestResult result, String field) {
		assertProblem(result, 422, "Order not accepted");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

	private void assertProblem(MvcTestResult result, int status, String title) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(title);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		if (!List.of("Kafka unavailable", "Idempotency-Key reused", "Idempotency-Key not claimed").contains(title)) {
			verifyNoInteractions(this.intake);
		}
	}

	private static OrderView view(Status status) {
		boolean placed = status == Status.PLACED;
		return new OrderView(UUID.randomUUID(), "Luigis Pizza", status, placed ? 3 : null, placed ? 42L : null,
				Instant.now(), new OrderView.Customer("Adele", "+39 02 1234567", "Via Roma 1, Milano"),
				List.of(new OrderView.Pizza("Margherita", List.of("olives"))),
				placed ? List.of(new OrderView.Step(Status.PLACED, Instant.now(), "order-service")) : List.of());
	}

}
