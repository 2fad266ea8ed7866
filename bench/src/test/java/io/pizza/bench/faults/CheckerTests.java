package io.pizza.bench.faults;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker catches each broken promise in a history: an acknowledged order lost, an
 * order doubled, one placed after every answer said nothing happened, a shop's orders out
 * of order, a {@code 202} that ended otherwise than it said; and passes a history that
 * kept them all.
 */
class CheckerTests {

	private final History history = new History();

	private final List<Observed.Logged> log = new ArrayList<>();

	private final Map<String, Integer> baked = new HashMap<>();

	private final Map<String, BigDecimal> bills = new HashMap<>();

	private final Map<String, Integer> delivered = new HashMap<>();

	private final Map<String, String> answered = new HashMap<>();

	@Test
	void aHistoryThatKeptEveryPromisePasses() {
		placed(1, "Marios Pizza", 201, 10);
		placed(2, "Marios Pizza", 201, 11);
		placed(3, "Luigis Pizza", 201, 4);
		CheckReport report = check();
		assertThat(report.passed()).as(report.table()).isTrue();
		assertThat(report.acknowledged()).isEqualTo(3);
	}

	@Test
	void anAcknowledgedOrderMissingFromTheLogIsLost() {
		placed(1, "Marios Pizza", 201, 10);
		meant(2, "Marios Pizza", 201);
		CheckReport report = check();
		assertThat(report.passed()).isFalse();
		assertThat(report.lost()).singleElement().asString().contains("customer 2");
	}

	@Test
	void anOrderInTheLogTwiceIsDoubled() {
		placed(1, "Marios Pizza", 201, 10);
		this.log.add(new Observed.Logged("customer 1", "order-1b", 0, 11));
		finished("order-1b");
		CheckReport report = check();
		assertThat(report.passed()).isFalse();
		assertThat(report.doubled()).singleElement().asString().contains("customer 1");
	}

	@Test
	void anOrderBakedTwiceIsCaught() {
		placed(1, "Marios Pizza", 201, 10);
		this.baked.put("order-1", 2);
		assertThat(check().bakedTwice()).singleElement().asString().contains("customer 1");
	}

	@Test
	void anOrderBilledAtAnotherTotalIsCaught() {
		placed(1, "Marios Pizza", 201, 10);
		this.bills.put("order-1", BigDecimal.ONE);
		assertThat(check().billedWrong()).singleElement().asString().contains("customer 1");
	}

	@Test
	void anOrderEveryAnswerSaidWasNotPlacedMustNotBeInTheLog() {
		placed(1, "Marios Pizza", 503, 10);
		assertThat(check().failedButPlaced()).singleElement().asString().contains("customer 1");
	}

	@Test
	void aShopsOrdersOutOfOrderAreReordered() {
		placed(1, "Marios Pizza", 201, 11);
		placed(2, "Marios Pizza", 201, 10);
		assertThat(check().reordered()).singleElement().asString().contains("customer 2");
	}

	@Test
	void a202ThatEndedPlacedMustBeInTheLog() {
		meant(1, "Marios Pizza", 202);
		this.answered.put("order-1", "PLACED");
		assertThat(check().untruthful()).singleElement().asString().contains("customer 1");
	}

	private CheckReport check() {
		return Checker.check(this.history,
				new Observed(this.log, this.baked, this.delivered, this.bills, this.answered));
	}

	private void placed(int number, String shop, int status, long offset) {
		meant(number, shop, status);
		this.log.add(new Observed.Logged("customer " + number, "order-" + number, 0, offset));
		finished("order-" + number);
	}

	private void finished(String orderId) {
		this.baked.merge(orderId, 1, Integer::sum);
		this.bills.put(orderId, BigDecimal.TEN);
		this.delivered.merge(orderId, 1, Integer::sum);
		this.answered.put(orderId, "DELIVERED");
	}

	private void meant(int number, String shop, int status) {
		this.history.meant(new History.Intent(number, shop, "customer " + number, "key-" + number, BigDecimal.TEN));
		this.history.sent(new History.Attempt(number, Instant.now(), Instant.now(), status, "order-" + number));
	}

}
