package io.pizza.order.intake;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.order.orders.LogPosition;
import io.pizza.order.orders.OrderPlaced;
import io.pizza.order.orders.OrderView;
import io.pizza.order.orders.Status;
import org.jspecify.annotations.Nullable;

/**
 * An order this instance handed to the Kafka producer, and what came of it so far:
 * {@link Status#PENDING} until the brokers acknowledge it ({@link Status#PLACED}) or it
 * is known not to be in the log ({@link Status#NOT_PLACED}). Whether the other instances
 * were told of it on the placements topic is kept with it, so that they are told how it
 * ended, after what they were told first.
 */
final class Placement {

	private final OrderPlaced order;

	private final @Nullable String fingerprint;

	private final String by;

	private final UUID claim = UUID.randomUUID();

	private final CompletableFuture<LogPosition> sent = new CompletableFuture<>();

	private final long startedNanos = System.nanoTime();

	private volatile long settledNanos;

	/** Guarded by this. */
	private boolean noted;

	/**
	 * An order about to be sent.
	 * @param order the record's value
	 * @param fingerprint the request's fingerprint, when it came with an idempotency key:
	 * such an order is claimed on the placements topic before it is sent
	 * @param by the instance placing it
	 */
	Placement(OrderPlaced order, @Nullable String fingerprint, String by) {
		this.order = order;
		this.fingerprint = fingerprint;
		this.by = by;
		this.noted = fingerprint != null;
	}

	/**
	 * Records what finally became of the send.
	 * @param stored where the order lies, when it is in the log
	 * @param failure why the producer gave up, when it is not
	 * @param noting told of the outcome, under this placement's lock, when the other
	 * instances were told of the order
	 */
	synchronized void settle(@Nullable LogPosition stored, @Nullable Throwable failure, Runnable noting) {
		this.settledNanos = System.nanoTime();
		if (stored != null) {
			this.sent.complete(stored);
		}
		else {
			this.sent.completeExceptionally(failure);
		}
		if (this.noted) {
			noting.run();
		}
	}

	/**
	 * Tells the other instances of this order, if it is still pending and they were not
	 * told yet.
	 * @param noting tells them, under this placement's lock: its outcome, should it come
	 * meanwhile, is told after
	 */
	synchronized void noteIfPending(Runnable noting) {
		if (!this.noted && !this.sent.isDone()) {
			this.noted = true;
			noting.run();
		}
	}

	/**
	 * Waits for the producer's word, at most a while.
	 * @param atMost how long to wait
	 * @return whether it came
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	boolean await(Duration atMost) throws InterruptedException {
		try {
			this.sent.get(atMost.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	Status status() {
		if (!this.sent.isDone()) {
			return Status.PENDING;
		}
		return this.sent.isCompletedExceptionally() ? Status.NOT_PLACED : Status.PLACED;
	}

	Optional<LogPosition> stored() {
		return (status() == Status.PLACED) ? Optional.of(this.sent.join()) : Optional.empty();
	}

	Optional<Throwable> failure() {
		return (status() == Status.NOT_PLACED) ? Optional.of(this.sent.handle((stored, ex) -> ex).join())
				: Optional.empty();
	}

	/**
	 * Whether the send settled before a moment.
	 * @param nanos a moment of {@link System#nanoTime()}
	 * @return whether it settled before
	 */
	boolean settledBefore(long nanos) {
		return this.sent.isDone() && this.settledNanos - nanos < 0;
	}

	Duration age() {
		return Duration.ofNanos(System.nanoTime() - this.startedNanos);
	}

	OrderPlaced order() {
		return this.order;
	}

	@Nullable String fingerprint() {
		return this.fingerprint;
	}

	String by() {
		return this.by;
	}

	UUID claim() {
		return this.claim;
	}

	/**
	 * The order as clients read it until the read model has it.
	 * @return {@code PENDING}, {@code PLACED} or {@code NOT_PLACED}
	 */
	OrderView view() {
		return OrderView.of(order(), status(), stored().orElse(null), by());
	}

}
