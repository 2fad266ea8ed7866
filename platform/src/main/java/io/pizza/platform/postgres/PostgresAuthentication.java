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
 * does: {@code scram-sha-256} for every connection, from this machine only. The test
 * library's {@code initdb} trusts everyone; before such a server first starts, the
 * superuser gets its password in PostgreSQL's single-user mode (read from standard input,
 * never on a command line) and {@code pg_hba.conf} is replaced.
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

	PostgresAuthentication(Path binaries, String superuserPassword) {
		this.binaries = binaries;
		this.superuserPassword = superuserPassword;
	}

	/**
	 * Called with the data folder before the server starts: does nothing if its
	 * authentication is already this.
	 * @param data the data folder
	 */
	void require(Path data) {
		Path rules = data.resolve("pg_hba.conf");
		try {
			if (Files.exists(rules) && Files.readString(rules).startsWith(FIRST_LINE)) {
				return;
			}
			setSuperuserPassword(data);
			Files.writeString(rules, RULES);
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
