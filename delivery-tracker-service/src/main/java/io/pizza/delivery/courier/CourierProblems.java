package io.pizza.delivery.courier;

import java.util.List;

import io.pizza.support.problems.FieldProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of reporting a position, as RFC 9457 problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CourierProblems {

	@ExceptionHandler
	ProblemDetail onRejected(PositionRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The position cannot be true; it was not published.");
		problem.setTitle("Position not accepted");
		problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail onNotYours(NotYourDelivery ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Not your delivery");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onNotStored(PositionNotStored ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.getMessage() + "; try again shortly.");
		problem.setTitle("Kafka unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
