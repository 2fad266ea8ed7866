package io.pizza.platform.postgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.pizza.platform.secure.DatabaseLogins;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL from the binaries on the classpath, with its data kept in the state
 * folder, every login asked for its password ({@link PostgresAuthentication}), makes each
 * database owned by its service's role alone ({@link DatabaseOwner}) and exits, leaving
 * the server running. Run in a session of its own by {@link Postgres}, so that the server
 * outlives the command.
 */
public final class PostgresStarter {

	private PostgresStarter() {
	}

	public static void main(String[] args) throws Exception {
		Path stateDir = Path.of(args[0]);
		int port = Integer.parseInt(args[1]);
		Path log = Path.of(args[2]);
		String listen = args[3];
		String network = args[4].equals("-") ? null : args[4];
		Path binaries = stateDir.resolve("postgres/binaries");
		Files.createDirectories(binaries);
		DatabaseLogins logins = new DatabaseLogins(stateDir.resolve("secrets"));
		logins.prepare();
		String superuserPassword = logins.password(DatabaseLogins.SUPERUSER);
		PostgresAuthentication authentication = new PostgresAuthentication(binaries, superuserPassword, network);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(stateDir.resolve("postgres/data"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPort(port)
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", listen)
			.setServerConfig("password_encryption", "scram-sha-256")
			// as durable as PostgreSQL is out of its box (the test library turns commits
			// asynchronous): a commit acknowledged is on disk, whatever is killed next
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setDataDirectoryCustomizer((data) -> authentication.require(data.toPath()))
			.setConnectConfig("password", superuserPassword)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(new File(log.toString())))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(new File(log.toString())))
			.start();
		for (Map.Entry<String, String> owner : DatabaseLogins.owners().entrySet()) {
			new DatabaseOwner(postgres, owner.getKey(), owner.getValue()).establish(logins.password(owner.getValue()));
			System.out.println("database " + owner.getKey() + " owned by " + owner.getValue() + " alone");
		}
		System.out.println("PostgreSQL ready on port " + port);
		System.exit(0);
	}

}
