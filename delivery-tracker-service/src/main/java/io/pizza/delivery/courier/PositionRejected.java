package io.pizza.delivery.courier;

/**
 * A position that is well formed but cannot be true.
 */
class PositionRejected extends RuntimeException {

	private final String field;

	PositionRejected(String field, String problem) {
		super(problem);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
