package io.pizza.testing;

/** What a request gets from the service's security. */
public enum Outcome {

	/** Let through: the endpoint answers, neither {@code 401} nor {@code 403}. */
	ALLOWED,

	/** {@code 401}: it must say who it is. */
	UNAUTHORIZED,

	/** {@code 403}: who it is may not. */
	FORBIDDEN

}
