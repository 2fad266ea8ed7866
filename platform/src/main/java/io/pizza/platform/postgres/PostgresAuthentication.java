package io.pizza.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pizza.platform.secure.DatabaseLogins;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Makes the local PostgreSQL ask every login for its password, as a server run for real
 * does: {@code scram-sha-256} for every connection, from this machine only (and from the
 * platform's own network, when it runs on one). The test library's {@code initdb} trusts
 * everyone; before such a server first starts, the superuser gets its password in
 * PostgreSQL's single-user mode (read from standard input, never on a command line) and
 * {@code pg_hba.conf} is replaced.
 */
final class PostgresAuthentication {

	private static final String FIRST_LINE = "# every login needs its password (SCRAM), from this machine only";

	private static final String RULES = FIRST_LINE + "\n" + """
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			host    all   all   ::1/128        scram-sha-256
			""";

	private final Path binaries;

	private final String superuserPassword;

	private final String rules;

	/**
	 * The authentication of a server.
	 * @param binaries where PostgreSQL's binaries are
	 * @param superuserPassword the superuser's password
	 * @param network the platform's own network, when the server runs on it
	 */
	PostgresAuthentication(Path binaries, String superuserPassword, String network) {
		this.binaries = binaries;
		this.superuserPassword = superuserPassword;
		this.rules = (network != null) ? RULES + "host    all   all   " + network + "   scram-sha-256\n" : RULES;
	}

	/**
	 * Called with the data folder before the server starts: sets the superuser's password
	 * the first time, and the rules whenever they are not these.
	 * @param data the data folder
	 */
	void require(Path data) {
		Path rules = data.resolve("pg_hba.conf");
		try {
			boolean ours = Files.exists(rules) && Files.readString(rules).startsWith(FIRST_LINE);
			if (!ours) {
				setSuperuserPassword(data);
			}
			if (!ours || !Files.readString(rules).equals(this.rules)) {
				Files.writeString(rules, this.rules);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void setSuperuserPassword(Path data) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// as the test library runs PostgreSQL, which refuses to run as root
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(postgresBinary().toString(), "--single", "-D", data.toString(), "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (Writer input = process.outputWriter(StandardCharsets.UTF_8)) {
			input.write("ALTER ROLE " + DatabaseLogins.SUPERUSER + " PASSWORD '" + this.superuserPassword + "'\n");
		}
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("PostgreSQL's single-user mode could not set the superuser's password");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Path postgresBinary() throws IOException {
		try (Stream<Path> files = Files.walk(this.binaries, 3)) {
			return files.filter((file) -> file.endsWith(Path.of("bin", "postgres")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No bin/postgres under " + this.binaries));
		}
	}

}
