package io.pizza.delivery.tracking;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One client's Server-Sent Events stream. What is said to it is queued and written by a
 * sender thread, never by the thread that says it (the positions' consumer): a client
 * that stops reading blocks a sender at most, fills its own queue, and is dropped when
 * the queue is full, slowing nobody else. Thread-safe.
 */
final class ClientStream {

	private final SseEmitter emitter;

	private final Viewer client;

	private final BlockingQueue<SseEventBuilder> queue;

	private final Executor sender;

	private final Consumer<ClientStream> gone;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean forgotten = new AtomicBoolean();

	private volatile boolean ending;

	private volatile boolean closed;

	private volatile boolean tooSlow;

	/**
	 * A stream, open until it is ended or its client goes away or falls behind.
	 * @param emitter what writes it
	 * @param client who reads it
	 * @param queued how many events may wait to be sent before the client is dropped
	 * @param sender the threads that send
	 * @param gone told when the stream ended, whichever way, at least once
	 */
	ClientStream(SseEmitter emitter, Viewer client, int queued, Executor sender, Consumer<ClientStream> gone) {
		this.emitter = emitter;
		this.client = client;
		this.queue = new ArrayBlockingQueue<>(queued);
		this.sender = sender;
		this.gone = gone;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	Viewer client() {
		return this.client;
	}

	/**
	 * Whether the stream is to be forgotten now: {@code true} the first time only.
	 * @return whether this is the first time
	 */
	boolean forgetOnce() {
		return this.forgotten.compareAndSet(false, true);
	}

	boolean position(PositionView position) {
		return offer(SseEmitter.event()
			.name(position.delivered() ? "delivered" : "position")
			.id(position.orderId() + "@" + position.at().toEpochMilli())
			.data(position, MediaType.APPLICATION_JSON));
	}

	boolean comment(String comment) {
		return offer(SseEmitter.event().comment(comment));
	}

	boolean open(long reconnectMillis) {
		return offer(SseEmitter.event().comment("positions").reconnectTime(reconnectMillis));
	}

	/** Ends the stream once what is queued is sent. */
	void end() {
		this.ending = true;
		schedule();
	}

	private boolean offer(SseEventBuilder event) {
		if (this.closed || this.ending) {
			return false;
		}
		if (!this.queue.offer(event)) {
			this.tooSlow = true;
			close();
			return false;
		}
		schedule();
		return true;
	}

	private void schedule() {
		if (!this.closed && this.draining.compareAndSet(false, true)) {
			try {
				this.sender.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// the instance is shutting down: the client reconnects elsewhere
				this.closed = true;
				this.emitter.complete();
			}
		}
	}

	private void drain() {
		try {
			SseEventBuilder event;
			while (!this.closed && (event = this.queue.poll()) != null) {
				this.emitter.send(event);
			}
			if (this.ending && !this.closed && this.queue.isEmpty()) {
				this.closed = true;
				this.gone.accept(this);
				this.emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away: the container tells the emitter too
			close();
		}
		finally {
			this.draining.set(false);
			if (!this.closed && (!this.queue.isEmpty() || this.ending)) {
				schedule();
			}
		}
	}

	/**
	 * Whether the stream was dropped because its client fell too far behind.
	 * @return {@code true} when it was
	 */
	boolean droppedAsTooSlow() {
		return this.tooSlow;
	}

	// ended normally, not with an error: a client gone or too slow is no server error
	private void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.queue.clear();
		this.gone.accept(this);
		try {
			this.emitter.complete();
		}
		catch (IllegalStateException ex) {
			// the container ended the request on the client's error first: nothing is
			// left to complete
		}
	}

}
