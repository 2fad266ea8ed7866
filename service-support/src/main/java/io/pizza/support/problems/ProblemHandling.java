package io.pizza.support.problems;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pizza.support.web.DatabaseOutage;
import io.pizza.support.web.RequestSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * Every error of every service as an RFC 9457 problem detail naming what is wrong, in one
 * shape ({@code errors}: a {@link FieldProblem} per field or parameter at fault), never a
 * stack trace: Spring MVC's own (404, 405, 415, ...) through
 * {@link ResponseEntityExceptionHandler}, unreadable and invalid bodies and parameters,
 * the database away as a 503, and anything unexpected as a plain 500. A service answers
 * its own exceptions in advice of a higher precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private final String databaseOutage;

	/**
	 * Answers problems the same way in every service.
	 * @param databaseOutage what a request that failed for the database's absence is
	 * told: what was not done, and whether anything was
	 */
	public ProblemHandling(String databaseOutage) {
		this.databaseOutage = databaseOutage;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestSizeLimit.exceededBy(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
					"The body is larger than the limit of this endpoint.", List.of());
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null) {
			String field = path(mismatch);
			return problem(HttpStatus.BAD_REQUEST, "Malformed request", "A field has the wrong type.",
					List.of(new FieldProblem(field.isEmpty() ? "(body)" : field,
							"expected " + describe(mismatch.getTargetType()))));
		}
		StreamReadException syntax = cause(ex, StreamReadException.class);
		if (syntax != null && syntax.getLocation() != null) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON (line "
					+ syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ").",
					List.of());
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The body could not be read as JSON.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return problem(HttpStatus.BAD_REQUEST, "Invalid parameters", "Some parameters are malformed or out of range.",
				List.of(new FieldProblem(String.valueOf(ex.getPropertyName()),
						"'" + ex.getValue() + "' is not a valid " + expected)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return missingFields(ex.getFieldErrors().stream());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a constraint on a header or parameter puts the body's errors here too
		if (!ex.getBeanResults().isEmpty()) {
			return missingFields(ex.getBeanResults().stream().flatMap((result) -> result.getFieldErrors().stream()));
		}
		List<FieldProblem> parameters = ex.getValueResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid parameters", "Some parameters are malformed or out of range.",
				parameters);
	}

	private ResponseEntity<Object> missingFields(Stream<FieldError> errors) {
		List<FieldProblem> problems = errors
			.map((error) -> new FieldProblem(error.getField(),
					(error.getRejectedValue() == null) ? "is required" : error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Malformed request", "Required fields are missing or empty.", problems);
	}

	@ExceptionHandler
	ResponseEntity<Object> onUnexpected(Exception ex) {
		if (DatabaseOutage.causedIt(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return DatabaseOutage.answer(this.databaseOutage);
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; nothing about it is your request's fault.", List.of());
	}

	private ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? "." + reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (List.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type.isRecord()) {
			return "an object";
		}
		return "a " + type.getSimpleName();
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
