package io.pizza.support.kafka;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How a service's listener takes a failed poll again, as its settings say: a pause from
 * {@code initial}, doubling up to {@code max}, without end (or, for a listener that may
 * skip a record, until it gives up). Order per partition matters more than speed, and
 * what can never succeed is dead-lettered before it gets this far.
 *
 * @param initial the first pause
 * @param max the longest pause
 */
public record Retry(Duration initial, Duration max) {

	/**
	 * The back-off of a listener's error handler or after-rollback processor.
	 * @return the back-off, without end
	 */
	public BackOff withoutEnd() {
		return doubling();
	}

	/**
	 * The same back-off, given up after a while: for a listener that may skip what still
	 * fails then, and says why in its error handler.
	 * @param giveUpAfter how long to keep trying a record
	 * @return the back-off
	 */
	public BackOff giveUpAfter(Duration giveUpAfter) {
		ExponentialBackOff backOff = doubling();
		backOff.setMaxElapsedTime(giveUpAfter.toMillis());
		return backOff;
	}

	private ExponentialBackOff doubling() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.initial.toMillis(), 2.0);
		backOff.setMaxInterval(this.max.toMillis());
		return backOff;
	}

}
