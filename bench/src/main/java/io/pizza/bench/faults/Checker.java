package io.pizza.bench.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a client's history against what the system shows, after Jepsen's checkers: every
 * order answered {@code 201} is in the orders topic once; no order whose every answer
 * said nothing happened is there; each {@code 202} ended as it said; each shop's orders
 * are in the order the client placed them; every order in the topic was baked, billed and
 * delivered once.
 */
final class Checker {

	private static final Set<String> PLACED = Set.of("PLACED", "BAKING", "BAKED", "OUT_FOR_DELIVERY", "DELIVERED");

	private Checker() {
	}

	static CheckReport check(History history, Observed observed) {
		Map<String, List<Observed.Logged>> logged = observed.log()
			.stream()
			.collect(Collectors.groupingBy(Observed.Logged::customer));
		Map<Integer, Long> answers = history.attempts()
			.stream()
			.collect(Collectors.groupingBy(History.Attempt::status, TreeMap::new, Collectors.counting()));
		int acknowledged = 0;
		List<String> lost = new ArrayList<>();
		List<String> doubled = new ArrayList<>();
		List<String> failedButPlaced = new ArrayList<>();
		List<String> untruthful = new ArrayList<>();
		List<String> unsettled = new ArrayList<>();
		Downstream downstream = new Downstream();
		for (History.Intent intent : history.intents()) {
			List<History.Attempt> attempts = history.of(intent);
			List<Observed.Logged> inLog = logged.getOrDefault(intent.customer(), List.of());
			boolean created = attempts.stream().anyMatch((attempt) -> attempt.status() == 201);
			if (created) {
				acknowledged++;
				if (inLog.isEmpty()) {
					lost.add(intent.customer() + " (order " + orderId(attempts) + ")");
				}
			}
			if (inLog.size() > 1) {
				doubled.add(intent.customer() + " (" + inLog.size() + " records: "
						+ inLog.stream().map(Observed.Logged::orderId).distinct().toList() + ")");
			}
			if (!attempts.isEmpty() && attempts.stream().allMatch((attempt) -> attempt.status() == 503)
					&& !inLog.isEmpty()) {
				failedButPlaced.add(intent.customer() + " (" + attempts.size() + " times 503)");
			}
			if (attempts.stream().anyMatch((attempt) -> attempt.status() == 202)) {
				String said = observed.answered().getOrDefault(orderId(attempts), "NOT_FOUND");
				if ((PLACED.contains(said) && inLog.isEmpty()) || (said.equals("NOT_PLACED") && !inLog.isEmpty())) {
					untruthful.add(intent.customer() + " (" + said + ", " + inLog.size() + " in the topic)");
				}
				else if (said.equals("PENDING")) {
					unsettled.add(intent.customer());
				}
			}
			inLog.stream()
				.map(Observed.Logged::orderId)
				.distinct()
				.forEach((orderId) -> downstream.check(intent, orderId, observed));
		}
		return new CheckReport(history.intents().size(), answers, acknowledged, lost, doubled, failedButPlaced,
				reordered(history, logged), untruthful, unsettled, downstream.notBaked, downstream.bakedTwice,
				downstream.notBilled, downstream.billedWrong, downstream.notDelivered, downstream.deliveredTwice,
				downstream.readModelBehind);
	}

	private static String orderId(List<History.Attempt> attempts) {
		return attempts.stream()
			.map(History.Attempt::orderId)
			.filter((id) -> id != null)
			.reduce((first, last) -> last)
			.orElse("?");
	}

	// each shop's client placed one order after the other: their offsets must grow
	private static List<String> reordered(History history, Map<String, List<Observed.Logged>> logged) {
		List<String> reordered = new ArrayList<>();
		Map<String, List<History.Intent>> byShop = history.intents()
			.stream()
			.sorted(Comparator.comparingInt(History.Intent::number))
			.collect(Collectors.groupingBy(History.Intent::shop));
		byShop.forEach((shop, intents) -> {
			long last = -1;
			for (History.Intent intent : intents) {
				List<Observed.Logged> inLog = logged.getOrDefault(intent.customer(), List.of());
				if (inLog.isEmpty()) {
					continue;
				}
				long offset = inLog.get(0).offset();
				if (offset < last) {
					reordered.add(intent.customer() + " (" + shop + ": offset " + offset + " after " + last + ")");
				}
				last = Math.max(last, offset);
			}
		});
		return reordered;
	}

	/**
	 * Each order in the topic baked once, billed at the menu's total, delivered once, and
	 * followed to its end by order-service's read model.
	 */
	private static final class Downstream {

		final List<String> notBaked = new ArrayList<>();

		final List<String> bakedTwice = new ArrayList<>();

		final List<String> notBilled = new ArrayList<>();

		final List<String> billedWrong = new ArrayList<>();

		final List<String> notDelivered = new ArrayList<>();

		final List<String> deliveredTwice = new ArrayList<>();

		final List<String> readModelBehind = new ArrayList<>();

		void check(History.Intent intent, String orderId, Observed observed) {
			String customer = intent.customer();
			once(customer, orderId, observed.baked(), this.notBaked, this.bakedTwice);
			once(customer, orderId, observed.delivered(), this.notDelivered, this.deliveredTwice);
			BigDecimal total = observed.bills().get(orderId);
			if (total == null) {
				this.notBilled.add(customer + " (order " + orderId + ")");
			}
			else if (total.compareTo(intent.total()) != 0) {
				this.billedWrong.add(customer + " (order " + orderId + ": " + total + ", not " + intent.total() + ")");
			}
			if (observed.delivered().containsKey(orderId) && !"DELIVERED".equals(observed.answered().get(orderId))) {
				this.readModelBehind.add(customer + " (order " + orderId + ": "
						+ observed.answered().getOrDefault(orderId, "NOT_FOUND") + ")");
			}
		}

		private static void once(String customer, String orderId, Map<String, Integer> counts, List<String> none,
				List<String> twice) {
			int count = counts.getOrDefault(orderId, 0);
			if (count == 0) {
				none.add(customer + " (order " + orderId + ")");
			}
			else if (count > 1) {
				twice.add(customer + " (order " + orderId + ", " + count + " times)");
			}
		}

	}

}
