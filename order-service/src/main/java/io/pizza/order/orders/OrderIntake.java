package io.pizza.order.orders;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.menu.Menu;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Places orders that keep the menu's rules: hands each to {@link OrderSender} for the
 * orders topic, the system of record, and answers once the brokers acknowledged it, or
 * once the answer's deadline has passed while the send goes on. No database is touched on
 * the way, but to find an order an idempotency key placed before.
 * <p>
 * Longer than most classes here: what makes every answer true (an idempotency key seen
 * before, the send, the answer's deadline) is one sequence, read best in one place.
 */
@Service
class OrderIntake {

	private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

	private final OrderSender sender;

	private final Placements placements;

	private final ReadModel readModel;

	private final RequestFingerprint fingerprints;

	private final Menu menu;

	private final OrderServiceProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderIntake(OrderSender sender, Placements placements, ReadModel readModel, RequestFingerprint fingerprints,
			Menu menu, OrderServiceProperties properties) {
		this.sender = sender;
		this.placements = placements;
		this.readModel = readModel;
		this.fingerprints = fingerprints;
		this.menu = menu;
		this.properties = properties;
	}

	/**
	 * Places an order, or finds the one placed before with the same idempotency key.
	 * @param request the order, checked by {@link OrderRules}
	 * @param idempotencyKey the client's key for this order, if it sent one
	 * @return the order as it stands when the answer is due
	 * @throws OrderNotSent when nothing was handed to Kafka or the brokers refused it
	 * @throws IdempotencyKeyReused when the key placed another order before
	 * @throws InterruptedException when the request's thread is interrupted while waiting
	 */
	Answer place(PlaceOrder request, @Nullable String idempotencyKey) throws InterruptedException {
		if (idempotencyKey == null) {
			Placement placement = newPlacement(UUID.randomUUID(), request, null);
			this.placements.addIfAbsent(placement);
			return send(placement);
		}
		UUID orderId = RequestFingerprint.orderId(idempotencyKey);
		String fingerprint = this.fingerprints.of(request);
		while (true) {
			Optional<Placement> earlier = this.placements.find(orderId);
			if (earlier.isPresent()) {
				Placement placement = checked(earlier.get(), fingerprint, idempotencyKey);
				if (placement.status() != Status.NOT_PLACED) {
					return answer(placement, true);
				}
				// the producer gave up on the first request: this one sends it again
				Placement again = newPlacement(orderId, request, fingerprint);
				if (this.placements.replace(placement, again)) {
					return send(again);
				}
				continue;
			}
			Optional<Answer> stored = storedBefore(orderId, fingerprint, idempotencyKey);
			if (stored.isPresent()) {
				return stored.get();
			}
			Placement placement = newPlacement(orderId, request, fingerprint);
			if (this.placements.addIfAbsent(placement).isEmpty()) {
				// another request with the key may have been placed, stored and forgotten
				// between the look-up above and this one
				try {
					stored = storedBefore(orderId, fingerprint, idempotencyKey);
				}
				catch (RuntimeException ex) {
					this.placements.remove(placement);
					throw ex;
				}
				if (stored.isPresent()) {
					this.placements.remove(placement);
					return stored.get();
				}
				return send(placement);
			}
		}
	}

	private Optional<Answer> storedBefore(UUID orderId, String fingerprint, String idempotencyKey) {
		Optional<ReadModel.Stored> stored = this.readModel.stored(orderId);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (!Objects.equals(stored.get().fingerprint(), fingerprint)) {
			throw new IdempotencyKeyReused(idempotencyKey);
		}
		log.info("[{}] order {} replayed for an Idempotency-Key: nothing sent", this.properties.instanceId(), orderId);
		return Optional.of(new Answer(stored.get().view(), true));
	}

	private Placement checked(Placement placement, String fingerprint, String idempotencyKey) {
		if (!fingerprint.equals(placement.fingerprint())) {
			throw new IdempotencyKeyReused(idempotencyKey);
		}
		return placement;
	}

	private Placement newPlacement(UUID orderId, PlaceOrder request, @Nullable String fingerprint) {
		return new Placement(OrderPlaced.of(orderId, request, this.menu, this.clock.instant()), fingerprint,
				this.properties.instanceId());
	}

	private Answer send(Placement placement) throws InterruptedException {
		try {
			this.sender.send(placement);
		}
		catch (OrderNotSent ex) {
			this.placements.remove(placement);
			throw ex;
		}
		return answer(placement, false);
	}

	private Answer answer(Placement placement, boolean replayed) throws InterruptedException {
		placement.await(this.properties.answerDeadline());
		OrderPlaced order = placement.order();
		switch (placement.status()) {
			case PLACED -> {
				RecordMetadata stored = placement.stored().orElseThrow();
				log.info("[{}] order {} for '{}' -> {}-{}@{} ({} pizzas){}", this.properties.instanceId(),
						order.orderId(), order.shop(), stored.topic(), stored.partition(), stored.offset(),
						order.pizzas().size(), replayed ? ", replayed" : "");
			}
			case PENDING ->
				log.warn("[{}] order {} for '{}' not acknowledged within {} ms: answered 202, still sending",
						this.properties.instanceId(), order.orderId(), order.shop(),
						this.properties.answerDeadline().toMillis());
			default -> {
				// the brokers refused it before the deadline: nothing is on them
				if (!replayed) {
					this.placements.remove(placement);
				}
				throw new OrderNotSent(order.orderId(), placement.failure().orElseThrow());
			}
		}
		return new Answer(OrderView.of(placement), replayed);
	}

	/**
	 * An order as it stands when the answer is due.
	 *
	 * @param order the order; its status tells {@code PLACED} from {@code PENDING}
	 * @param replayed whether an earlier request with the same key placed it
	 */
	record Answer(OrderView order, boolean replayed) {
	}

}
