package io.pizza.platform.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code POST /orders} in a closed loop, not counted, until the intake stops climbing. On
 * two cores the JIT compilers of the brokers and of order-service take minutes of load
 * before their hot paths are compiled (C2's threads took most of a broker's CPU after
 * four minutes), and every round until then is faster than the one before: the rounds go
 * on until one is less than {@link #CLIMB} faster than the one before it, or the
 * warm-up's longest time is over.
 */
final class WarmUp {

	static final Duration ROUND = Duration.ofSeconds(30);

	static final double CLIMB = 0.05;

	private final int connections;

	private final Duration longest;

	/**
	 * A warm-up.
	 * @param connections requests kept in flight
	 * @param longest the longest it goes on
	 */
	WarmUp(int connections, Duration longest) {
		this.connections = connections;
		this.longest = longest;
	}

	/**
	 * Runs the rounds.
	 * @param orderService the order service
	 * @param orders where the orders come from
	 * @param progress told each round's rate
	 * @return each round's orders a second, in order
	 */
	List<Double> run(URI orderService, FakeOrders orders, Consumer<String> progress) throws InterruptedException {
		long rounds = Math.max(1, this.longest.dividedBy(ROUND));
		ClosedLoop round = new ClosedLoop(this.connections, ROUND);
		List<Double> rates = new ArrayList<>();
		while (rates.size() < rounds) {
			rates.add(round.postOrders(orderService, orders, (line) -> {
			}).perSecond());
			progress.accept("warm-up round %d of at most %d: %.0f orders/s".formatted(rates.size(), rounds,
					rates.get(rates.size() - 1)));
			if (levelled(rates)) {
				break;
			}
		}
		return rates;
	}

	/**
	 * Whether the last round was less than {@link #CLIMB} faster than the one before.
	 * @param rates the rounds' rates so far
	 * @return whether the intake stopped climbing
	 */
	static boolean levelled(List<Double> rates) {
		int last = rates.size() - 1;
		return last >= 1 && rates.get(last) < rates.get(last - 1) * (1 + CLIMB);
	}

}
