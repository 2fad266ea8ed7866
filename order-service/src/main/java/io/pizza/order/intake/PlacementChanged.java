package io.pizza.order.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.OrderPlaced;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import org.jspecify.annotations.Nullable;

/**
 * What an order-service instance says of an order on the placements topic (keyed by the
 * order's id) while the orders topic has not settled it yet: {@code PENDING} when it
 * claims an order id for a keyed request, before sending it, or when it answered
 * {@code 202} for an order without a key; then {@code PLACED} with where the order lies,
 * or {@code NOT_PLACED} once the order is known not to be in the log. Every instance
 * reads every note, so a key's first claim wins wherever it was sent, and any instance
 * answers for an order another one sent.
 *
 * @param orderId the order's id
 * @param status {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
 * @param claim the id of the attempt to place it the note is about: a key's first claim
 * in the log wins, and an outcome settles its own claim alone
 * @param fingerprint the digest of the request, when it came with an idempotency key
 * @param by the instance that wrote the note
 * @param at when
 * @param order the order itself, in a {@code PENDING} note, so that any instance can show
 * it
 * @param partition where the order lies in the orders topic, once {@code PLACED}
 * @param offset its offset there
 */
record PlacementChanged(UUID orderId, Status status, UUID claim, @Nullable String fingerprint, String by, Instant at,
		@Nullable OrderPlaced order, @Nullable Integer partition, @Nullable Long offset) {

	static PlacementChanged pending(Placement placement, Instant at) {
		OrderPlaced order = placement.order();
		return new PlacementChanged(order.orderId(), Status.PENDING, placement.claim(), placement.fingerprint(),
				placement.by(), at, order, null, null);
	}

	static PlacementChanged outcome(Placement placement, String by, Instant at, @Nullable LogPosition where) {
		return pending(placement, at).settled(by, at, where);
	}

	/**
	 * How this note's claim ended.
	 * @param by the instance that tells
	 * @param at when
	 * @param where where the order lies, or {@code null} when it is not in the log
	 * @return the note of the outcome: {@code PLACED} or {@code NOT_PLACED}
	 */
	PlacementChanged settled(String by, Instant at, @Nullable LogPosition where) {
		return new PlacementChanged(this.orderId, (where != null) ? Status.PLACED : Status.NOT_PLACED, this.claim,
				this.fingerprint, by, at, null, (where != null) ? where.partition() : null,
				(where != null) ? where.offset() : null);
	}

	/**
	 * Whether the order is in the orders topic.
	 * @return {@code true} once {@code PLACED}
	 */
	boolean placed() {
		return this.status == Status.PLACED;
	}

	/**
	 * The order as this note tells it.
	 * @return {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
	 */
	OrderView view() {
		OrderPlaced placedOrder = Objects.requireNonNull(order(), "a note with its order");
		return OrderView.of(placedOrder, status(), placed() ? new LogPosition(partition(), offset()) : null, by());
	}

}
