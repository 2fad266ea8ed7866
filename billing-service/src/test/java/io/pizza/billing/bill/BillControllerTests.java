package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pizza.billing.config.BillingProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * {@code /bills} answers with bills, sums and, for what it cannot answer, problem details
 * naming what is wrong.
 */
@WebMvcTest(BillController.class)
@Import(BillControllerTests.Settings.class)
class BillControllerTests {

	private static final UUID ORDER_ID = UUID.fromString("0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Bills bills;

	@MockitoBean
	ShopAccounts accounts;

	@Test
	void showsABillWithItsLinesAndTotal() {
		Bill bill = new Bill(ORDER_ID, "Luigis Pizza",
				List.of(BillLine.pizza(1, "Diavola", new BigDecimal("9.00")),
						BillLine.topping(1, "bacon", new BigDecimal("1.50"))),
				"EUR", Instant.parse("2026-11-25T10:15:30Z"), Instant.parse("2026-11-25T10:15:31Z"), 3, 42);
		given(this.bills.findById(ORDER_ID)).willReturn(Optional.of(bill));
		assertThat(this.mvc.get().uri("/bills/{id}", ORDER_ID)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"orderId": "0b6f3c9e-5f1d-4a8e-9a57-3c2f7d9b1e42", "shop": "Luigis Pizza",
				 "lines": [{"pizza": 1, "kind": "PIZZA", "item": "Diavola", "price": 9.00},
				           {"pizza": 1, "kind": "TOPPING", "item": "bacon", "price": 1.50}],
				 "total": 10.50, "currency": "EUR", "partition": 3, "offset": 42}""");
	}

	@Test
	void anUnknownOrderIsAProblemNotFound() {
		given(this.bills.findById(ORDER_ID)).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/bills/{id}", ORDER_ID)).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Bill not found");
	}

	@Test
	void anOrderIdThatIsNoUuidIsNamed() {
		assertThat(this.mvc.get().uri("/bills/pizza")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"title": "Invalid parameters", "errors": [{"field": "orderId",
					 "message": "'pizza' is not a valid UUID"}]}""");
	}

	@Test
	void aPageTooLargeIsNamed() {
		assertThat(this.mvc.get().uri("/bills?shop=Luigis Pizza&size=500")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("size");
	}

	@Test
	void sumsEveryShop() {
		given(this.accounts.totals()).willReturn(List.of(new ShopTotal("Luigis Pizza", 2, new BigDecimal("21.00")),
				new ShopTotal("Marios Pizza", 1, new BigDecimal("7.50"))));
		assertThat(this.mvc.get().uri("/bills/summary")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"currency": "EUR", "bills": 3, "revenue": 28.50,
				 "shops": [{"shop": "Luigis Pizza", "bills": 2, "revenue": 21.00},
				           {"shop": "Marios Pizza", "bills": 1, "revenue": 7.50}]}""");
	}

	@EnableConfigurationProperties(BillingProperties.class)
	static class Settings {

	}

}
