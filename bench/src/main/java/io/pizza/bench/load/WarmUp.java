package io.pizza.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * {@code POST /orders} in a closed loop, not counted, until the JIT compilers are done.
 * On two cores the compilers of the brokers and of order-service take minutes of load
 * before their hot paths are compiled (read from {@code /proc} after an {@code up}: the
 * brokers' compilers took 0.25 of their 0.62 cores in the first minute, order-service's a
 * quarter of its CPU in the fourth, the intake going from 229 to 1,014 orders/s
 * meanwhile), at times by leaps. The rounds go on until the compiler threads of the
 * platform's JVMs used less than {@link #SETTLED_SHARE} of the machine's cores over a
 * round (where {@code /proc} says; elsewhere until a round is less than {@link #CLIMB}
 * faster than the one before), or the warm-up's longest time is over.
 */
final class WarmUp {

	static final Duration ROUND = Duration.ofSeconds(30);

	static final double SETTLED_SHARE = 0.05;

	static final double CLIMB = 0.05;

	private final int connections;

	private final Duration longest;

	private final Collection<ProcessHandle> jvms;

	/**
	 * A warm-up of {@code POST /orders} in a closed loop, watching the compilers of the
	 * platform's JVMs.
	 * @param connections requests kept in flight
	 * @param longest the longest it goes on
	 * @param jvms the platform's processes, whose compilers are watched
	 */
	WarmUp(int connections, Duration longest, Collection<ProcessHandle> jvms) {
		this.connections = connections;
		this.longest = longest;
		this.jvms = List.copyOf(jvms);
	}

	/**
	 * Runs the rounds.
	 * @param orderService the order service
	 * @param orders where the orders come from
	 * @param progress told each round's figures
	 * @return each round, in order
	 */
	List<Round> run(URI orderService, FakeOrders orders, Consumer<String> progress) throws InterruptedException {
		long most = Math.max(1, this.longest.dividedBy(ROUND));
		ClosedLoop loop = new ClosedLoop(this.connections, ROUND);
		int cores = Runtime.getRuntime().availableProcessors();
		List<Round> rounds = new ArrayList<>();
		while (rounds.size() < most) {
			OptionalDouble before = JitCompilers.cpuSeconds(this.jvms);
			long started = System.nanoTime();
			double rate = loop.postOrders(orderService, orders, (line) -> {
			}).perSecond();
			double seconds = (System.nanoTime() - started) / 1e9;
			OptionalDouble after = JitCompilers.cpuSeconds(this.jvms);
			double compilers = (before.isPresent() && after.isPresent())
					? Math.max(0, after.getAsDouble() - before.getAsDouble()) / seconds : Double.NaN;
			rounds.add(new Round(rate, compilers));
			progress.accept("warm-up round %d of at most %d: %.0f orders/s, JIT compilers %.2f cores"
				.formatted(rounds.size(), most, rate, compilers));
			if (settled(rounds, cores)) {
				break;
			}
		}
		return rounds;
	}

	/**
	 * Whether the compilers are done: they used less than {@link #SETTLED_SHARE} of the
	 * cores over the last round or, where that is not known, the last round was less than
	 * {@link #CLIMB} faster than the one before.
	 * @param rounds the rounds so far
	 * @param cores the machine's cores
	 * @return whether the warm-up can end
	 */
	static boolean settled(List<Round> rounds, int cores) {
		int last = rounds.size() - 1;
		if (last < 0) {
			return false;
		}
		if (!Double.isNaN(rounds.get(last).compilerCores())) {
			return rounds.get(last).compilerCores() < SETTLED_SHARE * cores;
		}
		return last >= 1 && rounds.get(last).perSecond() < rounds.get(last - 1).perSecond() * (1 + CLIMB);
	}

	/**
	 * One round of the warm-up.
	 *
	 * @param perSecond orders answered a second
	 * @param compilerCores the cores the JIT compilers used meanwhile, NaN where not
	 * known
	 */
	record Round(double perSecond, double compilerCores) {
	}

}
