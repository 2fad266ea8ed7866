package io.pizza.platform.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.process.Signals;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The PostgreSQL server: real PostgreSQL 18 binaries from Maven Central, run as a process
 * of their own with the data in the state folder.
 */
public final class Postgres {

	private final PlatformSettings settings;

	private final Processes processes;

	public Postgres(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * Starts the server and creates the services' databases, returning once it accepts
	 * connections.
	 */
	public void start() {
		Instance postgres = this.settings.postgres();
		NetworkTopology network = NetworkTopology.of(this.settings);
		// on the platform's own network it listens on its address too, and lets the
		// network's parts in, each with its password
		List<String> command = List.of(CommandLines.java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				CommandLines.MARKER + "postgres-starter", "-cp", this.settings.classpaths().platform(),
				PostgresStarter.class.getName(), this.settings.stateDir().toString(),
				String.valueOf(this.settings.postgresPort()), this.settings.logFile(postgres).toString(),
				network.own() ? "localhost," + network.address(postgres) : "localhost",
				network.own() ? network.subnet() : "-");
		Process starter = this.processes.start(postgres, network.wrap(postgres, command), Map.of());
		try {
			if (!starter.waitFor(90, TimeUnit.SECONDS) || starter.exitValue() != 0) {
				starter.destroyForcibly();
				throw new PlatformException("PostgreSQL did not start: see " + this.settings.logFile(postgres));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
		long pid = postmasterPid().orElseThrow(() -> new PlatformException(
				"PostgreSQL started but wrote no postmaster.pid: see " + this.settings.logFile(postgres)));
		this.processes.writePid(postgres, pid);
	}

	/**
	 * Stops the server the way its documentation calls a fast shutdown (SIGINT): open
	 * sessions are ended, the data is consistent.
	 * @param server the postmaster
	 */
	public static void stopFast(ProcessHandle server) {
		Signals.signal(server, "INT");
	}

	private Optional<Long> postmasterPid() {
		Path file = this.settings.stateDir().resolve("postgres/data/postmaster.pid");
		try {
			return Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
