package io.pizza.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL from the binaries on the classpath, with its data kept in the state
 * folder, creates the services' databases and exits, leaving the server running. Run in a
 * session of its own by {@link Postgres}, so that the server outlives the command.
 */
public final class PostgresStarter {

	/** The databases of the services, one each. */
	static final String[] DATABASES = { "orders", "billing", "warehouse" };

	private PostgresStarter() {
	}

	public static void main(String[] args) throws Exception {
		Path stateDir = Path.of(args[0]);
		int port = Integer.parseInt(args[1]);
		Path log = Path.of(args[2]);
		Path binaries = stateDir.resolve("postgres/binaries");
		Files.createDirectories(binaries);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(stateDir.resolve("postgres/data"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPort(port)
			.setServerConfig("max_connections", "200")
			// as durable as PostgreSQL is out of its box (the test library turns commits
			// asynchronous): a commit acknowledged is on disk, whatever is killed next
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(new File(log.toString())))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(new File(log.toString())))
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String database : DATABASES) {
				try {
					statement.execute("CREATE DATABASE " + database);
					System.out.println("created database " + database);
				}
				catch (SQLException ex) {
					if (!"42P04".equals(ex.getSQLState())) {
						throw ex;
					}
				}
			}
		}
		System.out.println("PostgreSQL ready on port " + port);
		System.exit(0);
	}

}
