package io.pizza.order.intake;

import java.util.Optional;
import java.util.UUID;

import io.pizza.order.book.ReadModel;
import io.pizza.order.config.OrderServiceProperties;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import io.pizza.support.web.DatabaseOutage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finds an order wherever it is known: in the read model, among this instance's own
 * sends, or in any instance's notes on the placements topic. What a {@code GET} answers
 * from, and what a keyed request asks before claiming its order id.
 */
@Component
class KnownOrders {

	private final ReadModel readModel;

	private final Placements placements;

	private final PlacementLog log;

	private final OrderServiceProperties properties;

	KnownOrders(ReadModel readModel, Placements placements, PlacementLog log, OrderServiceProperties properties) {
		this.readModel = readModel;
		this.placements = placements;
		this.log = log;
		this.properties = properties;
	}

	/**
	 * An order as a client reads it: the read model has it with its timeline; until it
	 * does, or while the database is away, the instance that sent it, or any instance
	 * that read its note, answers for it.
	 * @param orderId the order
	 * @return the order, if known anywhere
	 * @throws RuntimeException the database's failure, when it is away and nothing else
	 * knows the order
	 * @throws NotesUnread when nothing here knows the order while this instance has not
	 * read the notes written before it started
	 * @throws InterruptedException when interrupted while waiting for them
	 */
	Optional<OrderView> view(UUID orderId) throws InterruptedException {
		RuntimeException outage = null;
		try {
			Optional<OrderView> stored = this.readModel.view(orderId);
			if (stored.isPresent()) {
				return stored;
			}
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.causedIt(ex)) {
				throw ex;
			}
			outage = ex;
		}
		Optional<OrderView> own = this.placements.find(orderId).map(Placement::view);
		if (own.isEmpty() && !this.log.awaitCaughtUp(this.properties.answerDeadline())) {
			throw new NotesUnread(orderId);
		}
		Optional<OrderView> unstored = own
			.or(() -> this.log.find(orderId).filter((note) -> note.order() != null).map(PlacementChanged::view));
		if (unstored.isEmpty() && outage != null) {
			throw outage;
		}
		return unstored;
	}

	/**
	 * What a keyed request's order id was used for before, as far as every instance's
	 * notes and the read model (for keys older than the notes) tell.
	 * @param orderId the order id the key names
	 * @return how that order stands, and the fingerprint of its request
	 * @throws KeyUndecided while this instance has not read the notes written before it
	 * started
	 * @throws InterruptedException when interrupted while waiting for them
	 */
	Optional<Known> before(UUID orderId) throws InterruptedException {
		if (!this.log.awaitCaughtUp(this.properties.answerDeadline())) {
			throw new KeyUndecided(orderId, new IllegalStateException("the placements are still being read"));
		}
		Optional<PlacementChanged> noted = this.log.find(orderId);
		if (noted.isEmpty() || noted.get().status() == Status.NOT_PLACED) {
			// a key older than the notes, or an order that reached the log after all
			Optional<ReadModel.Stored> stored = this.readModel.stored(orderId);
			if (stored.isPresent()) {
				return Optional.of(new Known(Status.PLACED, stored.get().fingerprint(), stored.get().view()));
			}
		}
		return noted.map((note) -> new Known(note.status(), note.fingerprint(),
				(note.order() != null) ? note.view() : this.readModel.view(orderId).orElse(null)));
	}

	/**
	 * What a key was used for.
	 *
	 * @param status how its order stands
	 * @param fingerprint the digest of the request that used it
	 * @param view the order, when it can be shown
	 */
	record Known(Status status, @Nullable String fingerprint, @Nullable OrderView view) {
	}

}
