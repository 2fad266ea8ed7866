package io.pizza.delivery.tracking;

import io.pizza.support.web.Unavailable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of tracking deliveries, as RFC 9457 problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrackingProblems {

	@ExceptionHandler
	ProblemDetail onNotFound(DeliveryNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Delivery not found");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onTooManyStreams(TooManyStreams ex) {
		HttpStatus status = ex.instanceFull() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("Too many streams");
		return Unavailable.retryLater(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
