package io.pizza.order.orders;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * An order this instance handed to the Kafka producer, and what came of it so far:
 * {@link Status#PENDING} until the brokers acknowledge it ({@link Status#PLACED}) or the
 * producer gives up on it ({@link Status#NOT_PLACED}).
 */
final class Placement {

	private final OrderPlaced order;

	private final @Nullable String fingerprint;

	private final String by;

	private final CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();

	private final long startedNanos = System.nanoTime();

	private volatile long settledNanos;

	/**
	 * An order about to be sent.
	 * @param order the record's value
	 * @param fingerprint the request's fingerprint, when it came with an idempotency key
	 * @param by the instance placing it
	 */
	Placement(OrderPlaced order, @Nullable String fingerprint, String by) {
		this.order = order;
		this.fingerprint = fingerprint;
		this.by = by;
	}

	/**
	 * Records what the producer finally said.
	 * @param stored where the record was stored, when it was
	 * @param failure why the producer gave up, when it did
	 */
	void settle(@Nullable RecordMetadata stored, @Nullable Throwable failure) {
		this.settledNanos = System.nanoTime();
		if (failure != null) {
			this.sent.completeExceptionally(failure);
		}
		else {
			this.sent.complete(stored);
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

	Optional<RecordMetadata> stored() {
		return (status() == Status.PLACED) ? Optional.of(this.sent.join()) : Optional.empty();
	}

	Optional<Throwable> failure() {
		return (status() == Status.NOT_PLACED) ? Optional.of(this.sent.handle((stored, ex) -> ex).join())
				: Optional.empty();
	}

	/**
	 * Whether the producer settled this order's fate before a moment.
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

}
