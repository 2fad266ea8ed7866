package io.pizza.order.rows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.OrderPlaced;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.tracing.TraceInLog;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every order placed, again as a flat row with its schema on {@code pizza_order_rows},
 * keyed by order id, for Kafka Connect to sink into a table. It reads the orders topic in
 * a group of its own ({@code order-rows}), a poll at a time: sends the rows of the orders
 * it has not sent before, waits for the brokers' acknowledgements (holding no database
 * connection), notes the orders as sent, then lets the container commit the offsets. An
 * order id seen again is skipped; a crash between the rows and the note sends those rows
 * once more, which the sink's upsert absorbs. The rows never hold up taking orders.
 */
@Component
class OrderRowsFeed {

	private static final Logger log = LoggerFactory.getLogger(OrderRowsFeed.class);

	private final KafkaTemplate<String, Object> kafka;

	private final RowsSent sent;

	private final TransactionTemplate transaction;

	private final OrderServiceProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderRowsFeed(KafkaTemplate<String, Object> kafka, RowsSent sent, TransactionTemplate transaction,
			OrderServiceProperties properties) {
		this.kafka = kafka;
		this.sent = sent;
		this.transaction = transaction;
		this.properties = properties;
	}

	@KafkaListener(id = "order-rows", idIsGroup = false, groupId = "order-rows",
			topics = "${order-service.orders-topic.name}", batch = "true")
	void on(List<Received<OrderPlaced>> records) {
		String instance = this.properties.instanceId();
		List<UUID> ids = records.stream()
			.map(Received::value)
			.filter(Objects::nonNull)
			.map(OrderPlaced::orderId)
			.toList();
		Set<UUID> before = new HashSet<>(this.sent.findSent(ids));
		Map<UUID, Received<OrderPlaced>> fresh = new LinkedHashMap<>();
		for (Received<OrderPlaced> record : records) {
			OrderPlaced order = record.value();
			if (order == null) {
				log.warn("[{}] {} skipped: not readable as an order ({})", instance, record.where(),
						Failures.describe(record.failure()));
			}
			else if (before.contains(order.orderId()) || fresh.putIfAbsent(order.orderId(), record) != null) {
				try (TraceInLog trace = TraceInLog.of(record.record().headers())) {
					log.info("[{}] {} order={} row sent before: skipped", instance, record.where(), order.orderId());
				}
			}
		}
		List<CompletableFuture<SendResult<String, Object>>> rows = new ArrayList<>();
		fresh.forEach((orderId, record) -> rows
			.add(this.kafka.send(this.properties.rowsTopic().name(), orderId.toString(), OrderRow.of(record.value()))));
		// each send ends within the producer's delivery.timeout.ms; a failure fails the
		// batch, which the error handler retries
		CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).join();
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult(
				(status) -> this.sent.saveAll(fresh.keySet().stream().map((id) -> new RowSent(id, now)).toList()));
		int i = 0;
		for (Received<OrderPlaced> record : fresh.values()) {
			RecordMetadata row = rows.get(i++).join().getRecordMetadata();
			try (TraceInLog trace = TraceInLog.of(record.record().headers())) {
				log.info("[{}] {} order={} shop='{}' row -> {}-{}@{}", instance, record.where(),
						record.value().orderId(), record.value().shop(), row.topic(), row.partition(), row.offset());
			}
		}
	}

}
