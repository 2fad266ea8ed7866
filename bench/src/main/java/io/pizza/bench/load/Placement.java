package io.pizza.bench.load;

import java.time.Instant;

/**
 * One order the load generator posted, and what came of it.
 *
 * @param sentAt when the request was sent
 * @param status the HTTP status, or 0 when no answer came
 * @param latencyNanos from sending to the whole answer
 * @param orderId the order's id when it was accepted, otherwise {@code null}
 * @param failure when no answer came, why: the client's exception, by its class
 */
record Placement(Instant sentAt, int status, long latencyNanos, String orderId, String failure) {

	boolean accepted() {
		return this.status == 201 && this.orderId != null;
	}

}
