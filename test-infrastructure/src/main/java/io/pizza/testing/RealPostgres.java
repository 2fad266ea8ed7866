package io.pizza.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A real PostgreSQL for a test's application context: the official {@code postgres} image
 * through Testcontainers when Docker runs, PostgreSQL 18 binaries run by
 * {@link EmbeddedPostgresServer} otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealPostgres {

	/** The image at the major version the local platform runs. */
	public static final String IMAGE = "postgres:18";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(IMAGE);
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	JdbcConnectionDetails embeddedPostgresConnectionDetails() {
		return EmbeddedPostgresServer.shared().connectionDetails();
	}

}
