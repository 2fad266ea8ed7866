package io.pizza.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.pizza.billing.config.BillingProperties;
import io.pizza.support.kafka.Failures;
import io.pizza.support.records.Received;
import io.pizza.support.records.Replayed;
import io.pizza.support.tracing.RecordSpans;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills each order once, a poll at a time: the poll's new bills in one database
 * transaction of batched inserts (and each shop's running totals), committed before the
 * container commits the poll's offsets to Kafka, so a crash in between redelivers orders
 * already billed: those, and any replay or copy of an order, find their bill there and
 * change nothing; a dead letter sent back for another group is skipped, whatever its age.
 * A record that can never be billed (no order, a price missing or not adding up, another
 * currency) goes to the dead-letter topic alone; a poll that fails otherwise (the
 * database away) is retried whole, and billed once.
 */
@Component
class OrderPlacedListener {

	/** The listener's id, to find its container by. */
	static final String ID = "billing";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Bills bills;

	private final Billing billing;

	private final ShopAccounts accounts;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final TransactionTemplate transaction;

	private final BillingProperties properties;

	private final String group;

	private final RecordSpans spans;

	private final Clock clock = Clock.systemUTC();

	OrderPlacedListener(Bills bills, Billing billing, ShopAccounts accounts, DeadLetterPublishingRecoverer deadLetters,
			TransactionTemplate transaction, KafkaProperties kafka, BillingProperties properties, RecordSpans spans) {
		this.bills = bills;
		this.billing = billing;
		this.accounts = accounts;
		this.deadLetters = deadLetters;
		this.transaction = transaction;
		this.properties = properties;
		this.group = kafka.getConsumer().getGroupId();
		this.spans = spans;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${billing-service.orders-topic}", batch = "true")
	void on(List<Received<OrderPlaced>> records) {
		try (RecordSpans.Batch spans = this.spans.batch(ID)) {
			bill(records, spans);
		}
	}

	// each order in a span of its own, from its record to its bill's line in the log
	private void bill(List<Received<OrderPlaced>> records, RecordSpans.Batch spans) {
		Instant now = this.clock.instant();
		Map<UUID, Bill> fresh = new LinkedHashMap<>();
		Map<UUID, Received<OrderPlaced>> where = new LinkedHashMap<>();
		Map<UUID, Observation> spanOf = new HashMap<>();
		for (Received<OrderPlaced> record : records) {
			OrderPlaced order = record.value();
			Observation span = spans.start(record.record(), (order != null) ? order.orderId() : null);
			try (Observation.Scope scope = span.openScope()) {
				Bill bill = billOrSkip(record, fresh.keySet(), now);
				if (bill != null) {
					fresh.put(bill.getId(), bill);
					where.put(bill.getId(), record);
					spanOf.put(bill.getId(), span);
				}
			}
		}
		Set<UUID> billedBefore = this.transaction.execute((status) -> {
			Set<UUID> known = new HashSet<>(this.bills.findKnown(fresh.keySet()));
			List<Bill> added = fresh.values().stream().filter((bill) -> !known.contains(bill.getId())).toList();
			this.bills.saveAll(added);
			addToTotals(added);
			return known;
		});
		fresh.forEach((orderId, bill) -> {
			try (Observation.Scope scope = spanOf.get(orderId).openScope()) {
				String line = where.get(orderId).where() + " shop='" + bill.getShop() + "' order=" + orderId;
				if (billedBefore.contains(orderId)) {
					log.info("[{}] {} already billed: skipped", this.properties.instanceId(), line);
				}
				else {
					log.info("[{}] {} billed {} {} ({} lines)", this.properties.instanceId(), line, bill.getCurrency(),
							bill.getTotal(), bill.getLines().size());
				}
			}
		});
	}

	// the order's bill, or null when it is none to add: a dead letter, a replay for
	// another group, a copy of an order in the same poll
	private @Nullable Bill billOrSkip(Received<OrderPlaced> record, Set<UUID> billed, Instant now) {
		try {
			OrderPlaced order = record.value();
			if (order == null) {
				deadLetter(record, record.failure());
				return null;
			}
			Optional<String> forAnother = Replayed.forAnother(record.record(), this.group);
			if (forAnother.isPresent()) {
				skipped(record, order, "sent back for " + forAnother.get() + ", billed the first time:");
				return null;
			}
			if (billed.contains(order.orderId())) {
				skipped(record, order, "already billed:");
				return null;
			}
			return this.billing.billOf(order, record.record().partition(), record.offset(), now);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			deadLetter(record, ex);
			return null;
		}
	}

	private void skipped(Received<OrderPlaced> record, OrderPlaced order, String why) {
		log.info("[{}] {} shop='{}' order={} {} skipped", this.properties.instanceId(), record.where(), order.shop(),
				order.orderId(), why);
	}

	// can never be billed: the record goes to the dead-letter topic as it came
	private void deadLetter(Received<OrderPlaced> record, Exception reason) {
		log.warn("[{}] {} cannot be billed, sent to {}: {}", this.properties.instanceId(), record.where(),
				this.properties.deadLetterTopic().name(), Failures.describe(reason));
		this.deadLetters.accept(record.record(), null, reason);
	}

	private void addToTotals(List<Bill> added) {
		Map<String, List<Bill>> byShop = added.stream().collect(Collectors.groupingBy(Bill::getShop));
		byShop.forEach((shop, bills) -> this.accounts.add(shop, bills.size(),
				bills.stream().map(Bill::getTotal).reduce(BigDecimal.ZERO, BigDecimal::add)));
	}

}
