package io.pizza.testing;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL that a test takes away from a running application and gives back:
 * always the {@link EmbeddedPostgresServer}, with or without Docker, because it comes
 * back on the same port and data, as a restarted database server does, where a restarted
 * container would get another port.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoppablePostgres {

	@Bean
	JdbcConnectionDetails stoppablePostgresConnectionDetails() {
		return EmbeddedPostgresServer.shared().connectionDetails();
	}

	/**
	 * Stops the database server: open connections are ended, new ones refused.
	 */
	public static void stop() {
		EmbeddedPostgresServer.shared().stop();
	}

	/**
	 * Starts the database server again, on its port, with its data.
	 */
	public static void start() {
		EmbeddedPostgresServer.shared().start();
	}

}
