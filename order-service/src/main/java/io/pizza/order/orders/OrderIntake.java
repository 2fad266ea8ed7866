package io.pizza.order.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders that keep the menu's rules: keeps them, publishes them keyed by shop (so
 * one shop's orders stay in order on one partition) and answers only once the brokers
 * have acknowledged them. The database row and the Kafka record go together: the row is
 * committed only after the acknowledgement, and a failed send rolls it back.
 */
@Service
class OrderIntake {

	private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

	private final Orders orders;

	private final KafkaTemplate<String, OrderPlaced> kafka;

	private final TransactionTemplate transaction;

	private final OrderServiceProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderIntake(Orders orders, KafkaTemplate<String, OrderPlaced> kafka, TransactionTemplate transaction,
			OrderServiceProperties properties) {
		this.orders = orders;
		this.kafka = kafka;
		this.transaction = transaction;
		this.properties = properties;
	}

	/**
	 * Places an order, or finds the one placed before with the same idempotency key.
	 * @param request the order, checked by {@link OrderRules}
	 * @param idempotencyKey the client's key for this order, if it sent one
	 * @return the order, and whether it was placed by an earlier request
	 */
	Placement place(PlaceOrder request, @Nullable String idempotencyKey) {
		String fingerprint = fingerprint(request);
		if (idempotencyKey != null) {
			Optional<Placement> earlier = earlier(idempotencyKey, fingerprint);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		try {
			return new Placement(this.transaction.execute((status) -> placeNew(request, idempotencyKey, fingerprint)),
					false);
		}
		catch (DataIntegrityViolationException ex) {
			// the same key, sent twice at once: the other request placed the order
			if (idempotencyKey != null) {
				return earlier(idempotencyKey, fingerprint).orElseThrow(() -> ex);
			}
			throw ex;
		}
	}

	private OrderView placeNew(PlaceOrder request, @Nullable String idempotencyKey, String fingerprint) {
		PizzaOrder order = new PizzaOrder(UUID.randomUUID(), request.shop(), request.customer().name(),
				request.customer().phone(), request.customer().address(),
				request.pizzas().stream().map((pizza) -> new OrderedPizza(pizza.name(), pizza.toppings())).toList(),
				this.clock.instant(), idempotencyKey, fingerprint);
		order.record(Status.PLACED, order.getPlacedAt(), this.properties.instanceId());
		this.orders.saveAndFlush(order);
		RecordMetadata stored = publish(OrderPlaced.of(order));
		order.storedAt(stored.partition(), stored.offset());
		log.info("[{}] placed order {} for '{}' -> {}-{}@{} ({} pizzas)", this.properties.instanceId(),
				order.getOrderId(), order.getShop(), stored.topic(), stored.partition(), stored.offset(),
				order.getPizzas().size());
		return OrderView.of(order);
	}

	private Optional<Placement> earlier(String idempotencyKey, String fingerprint) {
		return this.transaction.execute((status) -> this.orders.findByIdempotencyKey(idempotencyKey).map((order) -> {
			if (!order.getRequestFingerprint().equals(fingerprint)) {
				throw new IdempotencyKeyReused(idempotencyKey);
			}
			log.info("[{}] order {} replayed for Idempotency-Key '{}': nothing published", this.properties.instanceId(),
					order.getOrderId(), idempotencyKey);
			return new Placement(OrderView.of(order), true);
		}));
	}

	private RecordMetadata publish(OrderPlaced placed) {
		try {
			return this.kafka.send(this.properties.ordersTopic().name(), placed.shop(), placed)
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OrderNotStored(placed.orderId(), ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			// KafkaException: the send failed before it was queued, e.g. no metadata in
			// max.block.ms
			throw new OrderNotStored(placed.orderId(), ex);
		}
	}

	private static String fingerprint(PlaceOrder request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(request.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An order placed, now or by an earlier request with the same idempotency key.
	 *
	 * @param order the order
	 * @param replayed whether an earlier request placed it
	 */
	record Placement(OrderView order, boolean replayed) {
	}

}
