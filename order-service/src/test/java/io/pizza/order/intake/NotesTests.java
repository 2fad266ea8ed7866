package io.pizza.order.intake;

import java.time.Instant;
import java.util.UUID;

import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instance that reads the same notes agrees on an order: a key's first claim wins,
 * an outcome settles its own claim alone, {@code PLACED} is final, and a request whose
 * order is known not to be in the log may claim it again.
 */
class NotesTests {

	private final UUID orderId = UUID.randomUUID();

	private final Notes notes = new Notes();

	@Test
	void theFirstClaimWins() {
		PlacementChanged first = claim("fingerprint-a");
		this.notes.apply(first);
		this.notes.apply(claim("fingerprint-b"));
		this.notes.apply(claim("fingerprint-a"));
		assertThat(this.notes.find(this.orderId)).get().extracting(PlacementChanged::claim).isEqualTo(first.claim());
	}

	@Test
	void anOutcomeSettlesItsOwnClaimAlone() {
		PlacementChanged first = claim("fingerprint-a");
		PlacementChanged second = claim("fingerprint-a");
		this.notes.apply(first);
		this.notes.apply(second);
		this.notes.apply(second.settled("order-service-2", Instant.now(), null));
		assertThat(this.notes.find(this.orderId)).get().extracting(PlacementChanged::status).isEqualTo(Status.PENDING);
		this.notes.apply(first.settled("order-service-1", Instant.now(), new LogPosition(3, 42)));
		assertThat(this.notes.find(this.orderId)).get().satisfies((note) -> {
			assertThat(note.status()).isEqualTo(Status.PLACED);
			assertThat(note.partition()).isEqualTo(3);
			assertThat(note.offset()).isEqualTo(42);
		});
	}

	@Test
	void placedIsFinal() {
		PlacementChanged first = claim("fingerprint-a");
		this.notes.apply(first);
		this.notes.apply(first.settled("order-service-1", Instant.now(), new LogPosition(3, 42)));
		this.notes.apply(first.settled("order-service-2", Instant.now(), null));
		this.notes.apply(claim("fingerprint-a"));
		assertThat(this.notes.find(this.orderId)).get().satisfies((note) -> {
			assertThat(note.status()).isEqualTo(Status.PLACED);
			assertThat(note.claim()).isEqualTo(first.claim());
		});
	}

	@Test
	void aRequestWhoseOrderIsNotInTheLogMayClaimItAgainAnotherMayNot() {
		PlacementChanged first = claim("fingerprint-a");
		this.notes.apply(first);
		this.notes.apply(first.settled("order-service-1", Instant.now(), null));
		this.notes.apply(claim("fingerprint-b"));
		assertThat(this.notes.find(this.orderId)).get().satisfies((note) -> {
			assertThat(note.status()).isEqualTo(Status.NOT_PLACED);
			assertThat(note.fingerprint()).isEqualTo("fingerprint-a");
		});
		PlacementChanged again = claim("fingerprint-a");
		this.notes.apply(again);
		assertThat(this.notes.find(this.orderId)).get().satisfies((note) -> {
			assertThat(note.status()).isEqualTo(Status.PENDING);
			assertThat(note.claim()).isEqualTo(again.claim());
		});
	}

	private PlacementChanged claim(String fingerprint) {
		return new PlacementChanged(this.orderId, Status.PENDING, UUID.randomUUID(), fingerprint, "order-service",
				Instant.now(), null, null, null);
	}

}
