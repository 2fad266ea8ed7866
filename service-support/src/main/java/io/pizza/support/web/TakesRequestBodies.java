package io.pizza.support.web;

import org.springframework.util.unit.DataSize;

/**
 * A service that takes request bodies over HTTP: its properties record says how large one
 * may be, and {@link RequestBodiesAutoConfiguration} reads every body strictly and
 * refuses a larger one.
 */
public interface TakesRequestBodies {

	/**
	 * The largest request body the service accepts: a larger one is a {@code 413}.
	 * @return the limit, {@code <service>.max-request-size}
	 */
	DataSize maxRequestSize();

}
