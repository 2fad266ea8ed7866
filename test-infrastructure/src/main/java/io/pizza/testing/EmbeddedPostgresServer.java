package io.pizza.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * One real PostgreSQL server per test JVM, from the PostgreSQL binaries on the classpath.
 * It can be stopped and started again on the same port and data, so that tests can take
 * the database away from a running service.
 */
public final class EmbeddedPostgresServer {

	private static EmbeddedPostgresServer shared;

	private final Path dataDirectory;

	private int port;

	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	/**
	 * The server of this JVM, started on first use and stopped when the JVM exits.
	 * @return the running server
	 */
	public static synchronized EmbeddedPostgresServer shared() {
		if (shared == null) {
			try {
				shared = new EmbeddedPostgresServer(Files.createTempDirectory("pizza-postgres"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			shared.start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-postgres-stop"));
		}
		return shared;
	}

	/**
	 * Starts the server, on the port it had before if it ran already.
	 */
	public synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		try {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(30))
				.start();
			this.port = this.postgres.getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	/**
	 * Stops the server (a fast shutdown: open connections are ended).
	 */
	public synchronized void stop() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.postgres = null;
		}
	}

	/**
	 * How a Spring Boot application reaches this server.
	 * @return its connection details
	 */
	public JdbcConnectionDetails connectionDetails() {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return username();
			}

			@Override
			public String getPassword() {
				return password();
			}

			@Override
			public String getJdbcUrl() {
				return jdbcUrl();
			}

		};
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	public String password() {
		return "";
	}

}
