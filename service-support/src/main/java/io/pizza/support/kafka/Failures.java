package io.pizza.support.kafka;

import org.springframework.core.NestedExceptionUtils;

/**
 * A failure as one line of a log: what went wrong at its root, as a listener's WARN says
 * why a record was skipped or retried, without the stack of wrappers around it.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * The root cause's type and the first line of its message.
	 * @param ex the failure
	 * @return such as
	 * {@code InvalidFormatException: Cannot deserialize value of type ...}
	 */
	public static String describe(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": "
				+ String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
	}

}
