package io.pizza.delivery.system;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.pizza.support.RequestSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail: Spring MVC's own (404, 405, 415, ...)
 * through {@link ResponseEntityExceptionHandler}, bad bodies and parameters with the
 * fields at fault, and anything unexpected as a plain 500 without a stack trace.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidFields(ex.getFieldErrors().stream());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a constraint on a path variable puts the body's errors here too
		if (!ex.getBeanResults().isEmpty()) {
			return invalidFields(ex.getBeanResults().stream().flatMap((result) -> result.getFieldErrors().stream()));
		}
		return badRequest("Some parameters are malformed.",
				ex.getValueResults()
					.stream()
					.flatMap((result) -> result.getResolvableErrors()
						.stream()
						.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
								"message", String.valueOf(error.getDefaultMessage()))))
					.toList());
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return badRequest("Some parameters are malformed.",
				List.of(Map.of("field", String.valueOf(ex.getPropertyName()), "message",
						"'" + ex.getValue() + "' is not a valid " + expected)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestSizeLimit.exceededBy(ex)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The body is larger than the limit of this endpoint.");
			problem.setTitle("Request too large");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		return badRequest("The body could not be read as JSON of the expected shape.", List.of());
	}

	private ResponseEntity<Object> invalidFields(Stream<FieldError> errors) {
		return badRequest("Some fields are missing or out of range.",
				errors
					.map((error) -> Map.of("field", error.getField(), "message",
							(error.getRejectedValue() == null) ? "is required"
									: String.valueOf(error.getDefaultMessage())))
					.sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
					.toList());
	}

	@ExceptionHandler
	ResponseEntity<Object> onUnexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing about it is your request's fault.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private ResponseEntity<Object> badRequest(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Malformed request");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.badRequest().body(problem);
	}

}
