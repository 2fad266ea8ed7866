package io.pizza.dashboard.flow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pizza.support.tracing.TraceInLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Orders as they flow into the orders topic, counted per shop, with the partition and
 * offset each one landed on: the key is the shop, so one shop's orders all land on one
 * partition. Read in the dashboard's own consumer group, from the moment it started.
 */
@Component
public class OrderFlow {

	private static final int RECENT = 12;

	private final Map<String, Shop> shops = new TreeMap<>();

	private final Deque<Order> recent = new ArrayDeque<>();

	@KafkaListener(id = "order-flow", idIsGroup = false, topics = "${dashboard.orders-topic}")
	synchronized void on(ConsumerRecord<String, byte[]> record) {
		String shop = (record.key() != null) ? record.key() : "(no key)";
		Instant at = Instant.ofEpochMilli(record.timestamp());
		this.shops.merge(shop, new Shop(shop, record.partition(), 1, record.offset(), at),
				(before, now) -> new Shop(shop, record.partition(), before.orders() + 1, record.offset(), at));
		this.recent.addFirst(new Order(shop, record.partition(), record.offset(), at, traceId(record)));
		if (this.recent.size() > RECENT) {
			this.recent.removeLast();
		}
	}

	private static @Nullable String traceId(ConsumerRecord<String, byte[]> record) {
		Header traceparent = record.headers().lastHeader(TraceInLog.TRACEPARENT);
		return (traceparent != null) ? TraceInLog.traceId(new String(traceparent.value(), StandardCharsets.US_ASCII))
				: null;
	}

	/**
	 * The shops seen so far.
	 * @return each shop with its partition and its orders since the dashboard started
	 */
	public synchronized List<Shop> shops() {
		return new ArrayList<>(this.shops.values());
	}

	/**
	 * The latest orders.
	 * @return the latest orders, newest first
	 */
	public synchronized List<Order> recent() {
		return List.copyOf(this.recent);
	}

	/**
	 * A shop's orders.
	 *
	 * @param partition the partition its orders land on
	 * @param orders how many the dashboard has seen
	 * @param lastOffset the offset of the latest
	 * @param lastAt when the latest was written
	 */
	public record Shop(String shop, int partition, long orders, long lastOffset, Instant lastAt) {
	}

	/**
	 * An order landed on its partition.
	 *
	 * @param shop its shop (the key)
	 * @param offset its offset there
	 * @param at when it was written
	 * @param traceId the trace its placing began, {@code null} when the services do not
	 * trace
	 */
	public record Order(String shop, int partition, long offset, Instant at, @Nullable String traceId) {
	}

}
