package io.pizza.delivery.courier;

import java.util.List;

import io.pizza.support.problems.FieldProblem;
import io.pizza.support.web.Unavailable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
	ResponseEntity<Object> onNotStored(PositionNotStored ex) {
		return Unavailable.answer("Kafka unavailable", ex.getMessage() + "; try again shortly.");
	}

}
