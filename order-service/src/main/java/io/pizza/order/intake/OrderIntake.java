package io.pizza.order.intake;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.menu.Menu;
import io.pizza.order.orders.OrderPlaced;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Places orders that keep the menu's rules: hands each to {@link OrderSender} for the
 * orders topic, the system of record, and answers once the brokers acknowledged it, or
 * once the answer's deadline has passed while the send goes on (then the other instances
 * are told of it on the placements topic, so any of them can show it). An order sent with
 * an {@code Idempotency-Key} is claimed there first: the key's first claim in the log is
 * the one sent, whichever instance each request reached.
 */
@Service
class OrderIntake {

	/** How many times a keyed request looks again after a claim another came before. */
	private static final int CLAIMS = 3;

	private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

	private final OrderSender sender;

	private final Placements placements;

	private final KnownOrders known;

	private final PlacementNotes notes;

	private final RequestFingerprint fingerprints;

	private final OrderIds ids;

	private final Menu menu;

	private final OrderServiceProperties properties;

	private final Clock clock = Clock.systemUTC();

	OrderIntake(OrderSender sender, Placements placements, KnownOrders known, PlacementNotes notes,
			RequestFingerprint fingerprints, OrderIds ids, Menu menu, OrderServiceProperties properties) {
		this.sender = sender;
		this.placements = placements;
		this.known = known;
		this.notes = notes;
		this.fingerprints = fingerprints;
		this.ids = ids;
		this.menu = menu;
		this.properties = properties;
	}

	/**
	 * Places an order, or finds the one placed before with the same idempotency key.
	 * @param request the order, checked by {@link OrderRules}
	 * @param idempotencyKey the client's key for this order, if it sent one
	 * @return the order as it stands when the answer is due
	 * @throws OrderNotSent when nothing was handed to Kafka or the brokers refused it
	 * @throws KeyUndecided when the key could not be claimed: nothing was sent
	 * @throws IdempotencyKeyReused when the key placed another order before
	 * @throws InterruptedException when the request's thread is interrupted while waiting
	 */
	Answer place(PlaceOrder request, @Nullable String idempotencyKey) throws InterruptedException {
		if (idempotencyKey == null) {
			Placement placement = newPlacement(UUID.randomUUID(), request, null);
			this.placements.addIfAbsent(placement);
			return send(placement);
		}
		UUID orderId = this.ids.of(idempotencyKey);
		String fingerprint = this.fingerprints.of(request);
		for (int claims = 0; claims < CLAIMS; claims++) {
			Optional<Placement> own = this.placements.find(orderId);
			if (own.isPresent() && own.get().status() != Status.NOT_PLACED) {
				checked(own.get().fingerprint(), fingerprint, idempotencyKey);
				return answer(own.get(), true);
			}
			Optional<KnownOrders.Known> before = this.known.before(orderId);
			if (before.isPresent() && before.get().status() != Status.NOT_PLACED) {
				checked(before.get().fingerprint(), fingerprint, idempotencyKey);
				log.info("[{}] order {} replayed for an Idempotency-Key: nothing sent", this.properties.instanceId(),
						orderId);
				return new Answer(before.get().view(), true);
			}
			if (before.isPresent()) {
				checked(before.get().fingerprint(), fingerprint, idempotencyKey);
			}
			Placement placement = newPlacement(orderId, request, fingerprint);
			boolean added = own.isPresent() ? this.placements.replace(own.get(), placement)
					: this.placements.addIfAbsent(placement).isEmpty();
			if (!added) {
				continue;
			}
			boolean first;
			try {
				first = this.notes.claim(placement, this.properties.answerDeadline());
			}
			catch (KeyUndecided | InterruptedException ex) {
				this.placements.remove(placement);
				throw ex;
			}
			if (first) {
				return send(placement);
			}
			// another request's claim came first: what it claimed is known now
			this.placements.remove(placement);
		}
		throw new KeyUndecided(orderId, new IllegalStateException("claimed " + CLAIMS + " times, others came first"));
	}

	private static void checked(@Nullable String earlier, String fingerprint, String idempotencyKey) {
		if (!Objects.equals(earlier, fingerprint)) {
			throw new IdempotencyKeyReused(idempotencyKey);
		}
	}

	private Placement newPlacement(UUID orderId, PlaceOrder request, @Nullable String fingerprint) {
		return new Placement(request.placed(orderId, this.menu, this.clock.instant()), fingerprint,
				this.properties.instanceId());
	}

	private Answer send(Placement placement) throws InterruptedException {
		try {
			this.sender.send(placement);
		}
		catch (OrderNotSent ex) {
			this.placements.remove(placement);
			if (placement.fingerprint() != null) {
				// its claim is settled: nothing was sent for it
				this.notes.outcome(PlacementChanged.outcome(placement, placement.by(), this.clock.instant(), null));
			}
			throw ex;
		}
		return answer(placement, false);
	}

	private Answer answer(Placement placement, boolean replayed) throws InterruptedException {
		placement.await(this.properties.answerDeadline());
		AtomicReference<CompletableFuture<?>> noted = new AtomicReference<>();
		placement.noteIfPending(() -> noted.set(this.notes.pending(placement)));
		if (noted.get() != null) {
			this.notes.awaitNoted(noted.get(), placement);
		}
		OrderPlaced order = placement.order();
		switch (placement.status()) {
			case PLACED -> log.info("[{}] order {} for '{}' -> {}-{} ({} pizzas){}", this.properties.instanceId(),
					order.orderId(), order.shop(), this.properties.ordersTopic().name(),
					placement.stored().orElseThrow(), order.pizzas().size(), replayed ? ", replayed" : "");
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
		return new Answer(placement.view(), replayed);
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
