package io.pizza.maker.kitchen;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.pizza.maker.config.PizzaMakerProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Bakes a poll's orders, reporting {@code BAKING} and then {@code BAKED} for each on the
 * status topic. Each partition's orders are baked one after the other, in order, and the
 * partitions in parallel: an oven per partition. Run inside the listener's Kafka
 * transaction, the reports and the poll's offsets are committed together or not at all;
 * the reports are sent from the listener's thread, which holds the transaction.
 */
@Component
class Kitchen implements DisposableBean {

	/** A status record's header: the partition of its order's record, in decimal. */
	static final String ORDER_PARTITION = "order-partition";

	/** A status record's header: the offset of its order's record, in decimal. */
	static final String ORDER_OFFSET = "order-offset";

	private final KafkaTemplate<Object, Object> kafka;

	private final PizzaMakerProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong baked = new AtomicLong();

	private final Map<TopicPartition, OrderPlaced> inOvens = new ConcurrentHashMap<>();

	private final ExecutorService ovens;

	Kitchen(KafkaTemplate<Object, Object> kafka, PizzaMakerProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
		AtomicInteger oven = new AtomicInteger();
		this.ovens = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "oven-" + oven.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Bakes orders.
	 * @param tickets each partition's orders, in the order placed
	 * @return the orders baked, partition by partition, each when it was done
	 * @throws InterruptedException if the maker is stopped while baking
	 */
	List<Baked> bake(Map<TopicPartition, List<Ticket>> tickets) throws InterruptedException {
		Instant started = this.clock.instant();
		tickets.values().forEach((orders) -> orders.forEach((ticket) -> report(ticket, "BAKING", started)));
		List<Baked> done = new ArrayList<>();
		if (this.properties.bakingTimePerPizza().isZero()) {
			tickets.values().forEach((orders) -> orders.forEach((ticket) -> done.add(new Baked(ticket, started))));
		}
		else {
			List<Future<List<Baked>>> baking = new ArrayList<>();
			tickets.forEach((partition, orders) -> baking.add(this.ovens.submit(() -> bakeInOrder(partition, orders))));
			try {
				for (Future<List<Baked>> oven : baking) {
					done.addAll(oven.get());
				}
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("An oven failed", ex.getCause());
			}
			finally {
				baking.forEach((oven) -> oven.cancel(true));
			}
		}
		done.forEach((order) -> report(order.ticket(), "BAKED", order.at()));
		this.baked.addAndGet(done.size());
		return done;
	}

	private List<Baked> bakeInOrder(TopicPartition partition, List<Ticket> orders) throws InterruptedException {
		List<Baked> done = new ArrayList<>();
		try {
			for (Ticket ticket : orders) {
				this.inOvens.put(partition, ticket.order());
				Thread.sleep(
						this.properties.bakingTimePerPizza().multipliedBy(ticket.order().pizzas().size()).toMillis());
				done.add(new Baked(ticket, this.clock.instant()));
			}
			return done;
		}
		finally {
			this.inOvens.remove(partition);
		}
	}

	// the headers say where the order's own record is, so that a reader of the status who
	// needs more of the order (the tracker, its address) reads that one record
	private void report(Ticket ticket, String status, Instant at) {
		OrderPlaced order = ticket.order();
		ProducerRecord<Object, Object> record = new ProducerRecord<>(this.properties.statusTopic().name(),
				order.orderId().toString(),
				new OrderStatusChanged(order.orderId(), status, this.properties.instanceId(), at));
		record.headers()
			.add(ORDER_PARTITION, Integer.toString(ticket.partition().partition()).getBytes(StandardCharsets.UTF_8))
			.add(ORDER_OFFSET, Long.toString(ticket.offset()).getBytes(StandardCharsets.UTF_8));
		// the status continues the order's trace
		try (Observation.Scope scope = ticket.span().openScope()) {
			this.kafka.send(record);
		}
	}

	long baked() {
		return this.baked.get();
	}

	Map<TopicPartition, OrderPlaced> inOvens() {
		return Map.copyOf(this.inOvens);
	}

	@Override
	public void destroy() {
		this.ovens.shutdownNow();
	}

	/**
	 * An order to bake, and where it was read.
	 *
	 * @param partition its record's partition
	 * @param offset its record's offset
	 * @param span the span its record is handled in
	 */
	record Ticket(OrderPlaced order, TopicPartition partition, long offset, Observation span) {
	}

	/**
	 * An order baked.
	 *
	 * @param ticket the order and where it was read
	 * @param at when it was done
	 */
	record Baked(Ticket ticket, Instant at) {

		Duration took(Instant started) {
			return Duration.between(started, this.at);
		}

	}

}
