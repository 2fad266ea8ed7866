package io.pizza.order.intake;

import io.pizza.support.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of placing and reading orders, as RFC 9457 problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	private static final Logger log = LoggerFactory.getLogger(OrderProblems.class);

	@ExceptionHandler
	ProblemDetail onRejected(OrderRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The order breaks the menu's rules; nothing was placed.");
		problem.setTitle("Order not accepted");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail onKeyReused(IdempotencyKeyReused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Idempotency-Key reused");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail onNotFound(OrderNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Order not found");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<Object> onKeyUndecided(KeyUndecided ex) {
		log.warn(ex.getMessage());
		return Unavailable.answer("Idempotency-Key not claimed", "Whether this key was used before could not be "
				+ "decided in time; nothing was placed. Try again shortly with the same key.");
	}

	@ExceptionHandler
	ResponseEntity<Object> onNotesUnread(NotesUnread ex) {
		return Unavailable.answer("Order not known yet", ex.getMessage() + ". Try again shortly.");
	}

	@ExceptionHandler
	ResponseEntity<Object> onNotSent(OrderNotSent ex) {
		log.warn(ex.getMessage());
		return Unavailable.answer("Kafka unavailable", "The Kafka cluster did not take the order ("
				+ ex.getCause().getMessage() + "); nothing was placed. Try again shortly.");
	}

}
