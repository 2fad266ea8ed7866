package io.pizza.delivery.tracking;

/**
 * A stream refused: this instance serves as many as it may, or this client has as many
 * open as it may.
 */
class TooManyStreams extends RuntimeException {

	private final boolean instanceFull;

	TooManyStreams(boolean instanceFull) {
		super(instanceFull ? "This instance serves as many streams as it may; try again, or another instance."
				: "This client has as many streams open as it may; close one first.");
		this.instanceFull = instanceFull;
	}

	boolean instanceFull() {
		return this.instanceFull;
	}

}
