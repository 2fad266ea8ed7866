package io.pizza.support.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a request that something the service needs (the database, the brokers)
 * failed for now: a {@code 503} problem detail with a {@code Retry-After} of a few
 * seconds, the same from every service.
 */
public final class Unavailable {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private Unavailable() {
	}

	/**
	 * A {@code 503} problem detail that says to try again in a few seconds.
	 * @param title what is away, such as {@code Database unavailable}
	 * @param detail what was not done, and that nothing happened, for the client
	 * @return the answer
	 */
	public static ResponseEntity<Object> answer(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return retryLater(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

	/**
	 * An answer that says to try again in a few seconds, for a refusal of another kind
	 * (too many requests, say).
	 * @param status the answer's status
	 * @return the answer, its body to come
	 */
	public static ResponseEntity.BodyBuilder retryLater(HttpStatus status) {
		return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
	}

}
