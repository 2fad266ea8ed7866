package io.pizza.order.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.pizza.order.orders.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the placements topic says of each order, as far as this instance has read it: per
 * order id, the claim that counts, the fingerprint of its request, how it ended, and the
 * order itself for {@code order-service.placements-kept} after it ended (an instance can
 * show it and answer its key's retries while the database is away). The rules make every
 * instance that has read the same notes agree: a key's first claim wins; after its order
 * was found not to be in the log, the next claim of the same request starts again; an
 * outcome settles its own claim alone, and {@code PLACED} is final. Thread-safe.
 */
@Component
class Notes {

	private final Map<UUID, PlacementChanged> byId = new ConcurrentHashMap<>();

	void apply(PlacementChanged note) {
		this.byId.compute(note.orderId(), (id, known) -> merged(known, note));
	}

	static PlacementChanged merged(@Nullable PlacementChanged known, PlacementChanged note) {
		if (known == null) {
			return note;
		}
		boolean sameRequest = Objects.equals(known.fingerprint(), note.fingerprint());
		return switch (note.status()) {
			// a claim that came second changes nothing, unless the first is known to have
			// placed nothing
			case PENDING -> (known.status() == Status.NOT_PLACED && sameRequest) ? note : known;
			// the order is in the log, whichever claim of its request put it there
			case PLACED -> (!known.placed() && sameRequest)
					? new PlacementChanged(known.orderId(), Status.PLACED, known.claim(), known.fingerprint(),
							known.by(), known.at(), known.order(), note.partition(), note.offset())
					: known;
			case NOT_PLACED -> (known.status() == Status.PENDING && known.claim().equals(note.claim()))
					? new PlacementChanged(known.orderId(), Status.NOT_PLACED, known.claim(), known.fingerprint(),
							known.by(), known.at(), known.order(), null, null)
					: known;
			default -> known;
		};
	}

	/**
	 * What is known of an order.
	 * @param orderId the order
	 * @return the claim that counts and how it stands
	 */
	Optional<PlacementChanged> find(UUID orderId) {
		return Optional.ofNullable(this.byId.get(orderId));
	}

	/**
	 * The claims not settled yet.
	 * @return their notes
	 */
	List<PlacementChanged> pending() {
		return this.byId.values().stream().filter((note) -> note.status() == Status.PENDING).toList();
	}

	/**
	 * Forgets what the topic no longer holds, and the orders of claims settled before a
	 * moment.
	 * @param kept notes older than this are gone from the topic
	 * @param shown orders settled before this need not be shown any more
	 */
	void forget(Instant kept, Instant shown) {
		this.byId.values().removeIf((note) -> note.at().isBefore(kept));
		this.byId.replaceAll(
				(id, note) -> (note.status() != Status.PENDING && note.order() != null && note.at().isBefore(shown))
						? withoutOrder(note) : note);
	}

	private static PlacementChanged withoutOrder(PlacementChanged note) {
		return new PlacementChanged(note.orderId(), note.status(), note.claim(), note.fingerprint(), note.by(),
				note.at(), null, note.partition(), note.offset());
	}

	int size() {
		return this.byId.size();
	}

}
