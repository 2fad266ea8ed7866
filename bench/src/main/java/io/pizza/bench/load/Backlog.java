package io.pizza.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.GroupAssignment;
import io.pizza.platform.kafka.GroupLag;
import io.pizza.platform.kafka.Topics;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;
import org.apache.kafka.clients.admin.Admin;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast a consumer group goes through a backlog, with everything else running: its
 * instances stopped, orders written straight to {@code pizza-orders} as order-service
 * writes them (keyed by shop, a fresh order id each), its instances started again, and
 * the group's lag watched until it is gone. The clock starts when the group settles:
 * every partition owned, none on its way to another member, and no change of that after;
 * so neither the instances' start-up nor the group's forming is counted (the first member
 * to join owns every partition until the next ones come, with KIP-848 a heartbeat or two
 * later). The settling time is reported beside the rate. A group that commits on a timer
 * (billing, once a second) shows its progress a commit late: its rate is known to that
 * second, so the backlog is large enough to run for several.
 */
final class Backlog {

	private static final Duration LOOK = Duration.ofMillis(200);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Platform platform;

	private final Admin admin;

	private final Consumer<String> progress;

	Backlog(Platform platform, Admin admin, Consumer<String> progress) {
		this.platform = platform;
		this.admin = admin;
		this.progress = progress;
	}

	/**
	 * Measures one group.
	 * @param what what the group does, for the report
	 * @param group the consumer group
	 * @param environment their environment while measured
	 * @param orders the orders to write
	 * @param count how many
	 * @param timeout how long the group may take
	 * @return what was measured
	 * @throws InterruptedException if interrupted
	 */
	Result measure(String what, String group, List<Instance> instances, Map<String, String> environment,
			FakeOrders orders, int count, Duration timeout) throws InterruptedException {
		this.progress.accept("backlog: %s stopped, %d orders written, then started".formatted(what, count));
		instances.forEach((instance) -> this.platform.kill(instance, false));
		write(orders, count);
		// started together, in the background: an instance consumes before it answers its
		// health check, and the lag is watched from the first moment
		CompletableFuture<Void> starting = CompletableFuture.allOf(instances.stream()
			.map((instance) -> CompletableFuture.runAsync(() -> this.platform.start(instance, environment)))
			.toArray(CompletableFuture[]::new));
		try {
			int partitions = this.admin.describeTopics(List.of(Topics.ORDERS))
				.allTopicNames()
				.get()
				.get(Topics.ORDERS)
				.partitions()
				.size();
			long begun = System.nanoTime();
			long deadline = begun + timeout.toNanos();
			GroupAssignment seen = null;
			long settledAt = 0;
			long atSettled = 0;
			long left = lag(group);
			while (left > 0 && System.nanoTime() < deadline) {
				Thread.sleep(LOOK.toMillis());
				GroupAssignment assignment = GroupAssignment.of(this.admin, group, Topics.ORDERS);
				long now = System.nanoTime();
				left = lag(group);
				if (!assignment.equals(seen)) {
					seen = assignment;
					settledAt = assignment.settled(partitions) ? now : 0;
					atSettled = left;
				}
			}
			double seconds = (settledAt == 0) ? 0 : (System.nanoTime() - settledAt) / 1e9;
			double settling = (settledAt == 0) ? 0 : (settledAt - begun) / 1e9;
			starting.join();
			Result result = new Result(what, group, count, (settledAt == 0) ? 0 : atSettled - left, seconds, settling,
					left);
			this.progress.accept("backlog: " + result);
			return result;
		}
		catch (ExecutionException ex) {
			throw new PlatformException("Could not read " + group + "'s lag: " + ex.getCause().getMessage(), ex);
		}
	}

	private long lag(String group) throws InterruptedException, ExecutionException {
		return GroupLag.of(this.admin, group, Topics.ORDERS);
	}

	// as order-service writes an order: the shop as key, priced by the menu
	private void write(FakeOrders orders, int count) throws InterruptedException {
		OrdersWritten.write(this.platform, orders, count);
	}

	/**
	 * A backlog gone through.
	 *
	 * @param what what the group does
	 * @param group the consumer group
	 * @param written the orders written
	 * @param measured the orders handled while the clock ran
	 * @param seconds how long the clock ran
	 * @param settling how long the group took from the instances' start to its last
	 * change of assignment, when the clock started
	 * @param left orders still not handled when the wait ended
	 */
	record Result(String what, String group, int written, long measured, double seconds, double settling, long left) {

		/**
		 * The group's rate while the clock ran.
		 * @return orders per second, 0 when nothing was measured
		 */
		double perSecond() {
			return (this.seconds > 0) ? this.measured / this.seconds : 0;
		}

		@Override
		public String toString() {
			return "%s: %.0f orders/s (%d of %d orders in %.1f s, the group settled after %.1f s)%s".formatted(
					this.what, perSecond(), this.measured, this.written, this.seconds, this.settling,
					(this.left > 0) ? ", " + this.left + " left" : "");
		}

	}

}
