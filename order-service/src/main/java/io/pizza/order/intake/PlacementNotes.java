package io.pizza.order.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.order.config.OrderServiceProperties;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes this instance's notes to the placements topic: a claim, read back to learn
 * whether it came first; a {@code 202}'s order, so that every instance can show it; how a
 * noted order's send ended.
 */
@Component
class PlacementNotes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PlacementNotes.class);

	private final KafkaTemplate<String, PlacementChanged> kafka;

	private final PlacementLog placements;

	private final OrderServiceProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService writer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "placement-notes");
		thread.setDaemon(true);
		return thread;
	});

	PlacementNotes(KafkaTemplate<String, PlacementChanged> kafka, PlacementLog placements,
			OrderServiceProperties properties) {
		this.kafka = kafka;
		this.placements = placements;
		this.properties = properties;
	}

	/**
	 * Claims an order id for a keyed request: writes the claim, waits for the brokers to
	 * have it and for this instance to read it back.
	 * @param placement the order, its request's fingerprint and the claim's id
	 * @param atMost how long to wait in all
	 * @return whether this claim is the one that counts: {@code false} when another came
	 * first
	 * @throws KeyUndecided when the claim could not be written and read back in time;
	 * nothing is sent for it
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean claim(Placement placement, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		PlacementChanged claim = PlacementChanged.pending(placement, this.clock.instant());
		try {
			RecordMetadata written = acknowledged(send(claim), atMost);
			if (!this.placements.awaitRead(written.partition(), written.offset(),
					Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				throw new TimeoutException(
						"claim written at " + written.partition() + "@" + written.offset() + ", not read back in time");
			}
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// this claim will never be sent: say so, for whoever reads it
			outcome(claim.settled(this.properties.instanceId(), this.clock.instant(), null));
			throw new KeyUndecided(placement.order().orderId(), NestedExceptionUtils.getMostSpecificCause(ex));
		}
		return this.placements.find(claim.orderId()).map((noted) -> noted.claim().equals(claim.claim())).orElse(false);
	}

	private static RecordMetadata acknowledged(CompletableFuture<SendResult<String, PlacementChanged>> sent,
			Duration atMost) throws InterruptedException, ExecutionException, TimeoutException {
		try {
			return sent.get(atMost.toNanos(), TimeUnit.NANOSECONDS).getRecordMetadata();
		}
		catch (TimeoutException ex) {
			throw new TimeoutException("claim not acknowledged by the brokers within " + atMost.toMillis() + " ms");
		}
	}

	/**
	 * Notes an order about to be answered {@code 202}, for any instance to show.
	 * @param placement the order sent
	 * @return done once the brokers have the note
	 */
	CompletableFuture<?> pending(Placement placement) {
		return inTurn(PlacementChanged.pending(placement, this.clock.instant()));
	}

	/**
	 * Waits a moment for the brokers to have a note of a pending order.
	 * @param noted the note's send
	 * @param placement its order
	 */
	void awaitNoted(CompletableFuture<?> noted, Placement placement) {
		try {
			noted.get(this.properties.noteDeadline().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("[{}] order {} pending, not yet noted for the other instances: {}", this.properties.instanceId(),
					placement.order().orderId(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Notes how a claim ended.
	 * @param outcome {@code PLACED} or {@code NOT_PLACED}
	 */
	void outcome(PlacementChanged outcome) {
		inTurn(outcome).whenComplete((result, ex) -> {
			if (ex != null) {
				log.warn("[{}] order {} {}, not noted: {}", this.properties.instanceId(), outcome.orderId(),
						outcome.status(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			}
		});
	}

	// one thread hands notes to the producer, in the order they are asked for: an
	// order's outcome after its pending note, and never from the producer's own thread,
	// where a send may block
	private CompletableFuture<?> inTurn(PlacementChanged note) {
		CompletableFuture<Object> sent = new CompletableFuture<>();
		this.writer.execute(() -> {
			try {
				send(note).whenComplete((result, ex) -> {
					if (ex != null) {
						sent.completeExceptionally(ex);
					}
					else {
						sent.complete(result);
					}
				});
			}
			catch (RuntimeException ex) {
				sent.completeExceptionally(ex);
			}
		});
		return sent;
	}

	private CompletableFuture<SendResult<String, PlacementChanged>> send(PlacementChanged note) {
		return this.kafka.send(this.properties.placementsTopic().name(), note.orderId().toString(), note);
	}

	@Override
	public void destroy() {
		this.writer.shutdown();
	}

}
