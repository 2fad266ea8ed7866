package io.pizza.billing.system;

import java.util.List;
import java.util.Map;

import io.pizza.support.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail: Spring MVC's own (404, 405, ...) through
 * {@link ResponseEntityExceptionHandler}, bad parameters named with what is wrong, the
 * database away as a 503, and anything unexpected as a plain 500 without a stack trace.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "(parameter)";
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return badParameters(
				List.of(Map.of("parameter", name, "problem", "'" + ex.getValue() + "' is not a valid " + expected)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badParameters(ex.getValueResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("parameter", String.valueOf(result.getMethodParameter().getParameterName()),
						"problem", String.valueOf(error.getDefaultMessage()))))
			.toList());
	}

	@ExceptionHandler
	ResponseEntity<Object> onUnexpected(Exception ex) {
		if (DatabaseOutage.causedIt(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return DatabaseOutage.answer("The bills' database does not answer; try again shortly.");
		}
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing about it is your request's fault.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private ResponseEntity<Object> badParameters(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some parameters are malformed or out of range.");
		problem.setTitle("Invalid parameters");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

}
