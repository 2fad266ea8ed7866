package io.pizza.platform.system;

/**
 * Something the platform cannot do, with a message meant for the person at the terminal.
 */
public class PlatformException extends RuntimeException {

	public PlatformException(String message) {
		super(message);
	}

	public PlatformException(String message, Throwable cause) {
		super(message, cause);
	}

}
