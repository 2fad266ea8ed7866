package io.pizza.platform.cli;

import java.util.Properties;
import java.util.concurrent.Callable;

import io.pizza.platform.Platform;
import io.pizza.platform.kafka.Groups;
import io.pizza.platform.settings.Modes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza up}: starts everything that does not run yet, returns when all is healthy.
 */
@Command(name = "up",
		description = "Start the Kafka cluster, PostgreSQL and all services; return when all are healthy.")
class UpCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@ArgGroup(exclusive = true)
	Mode mode;

	@ArgGroup(exclusive = true)
	Network network;

	@Option(names = "--kitchen", paramLabel = "group|queue",
			description = "The makers as the consumer group " + Groups.MAKERS + " (the default) or the share "
					+ "group " + Groups.MAKERS_QUEUE + " (KIP-932): orders from any partition, record by record; "
					+ "a switch hands the orders over. " + "Kept for later commands until changed.")
	String kitchen;

	@Option(names = "--tracing", paramLabel = "on|off",
			description = "Every order traced across the services, to a Zipkin server the platform starts (on, the "
					+ "default), or no span and no trace id (off): a switch starts the services again. "
					+ "Kept for later commands until changed.")
	String tracing;

	@Override
	public Integer call() {
		long started = System.nanoTime();
		Properties overrides = new Properties();
		if (this.mode != null) {
			overrides.setProperty("mode", this.mode.secure ? Modes.SECURE : Modes.PLAINTEXT);
		}
		if (this.network != null) {
			overrides.setProperty("network", this.network.own ? Modes.OWN_NETWORK : Modes.LOOPBACK);
		}
		if (this.kitchen != null) {
			overrides.setProperty("kitchen", this.kitchen);
		}
		if (this.tracing != null) {
			overrides.setProperty("tracing", this.tracing);
		}
		Platform platform = this.cli.platform(overrides);
		platform.up();
		Console.progress("All healthy in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
		System.out.println();
		StatusTable.print(platform.status(), platform.settings());
		return 0;
	}

	static class Mode {

		@Option(names = "--secure",
				description = "TLS on every Kafka listener, a certificate per broker and per client (made on "
						+ "first use in the state folder), ACLs: each service only its own topics and groups. "
						+ "Kept for later commands until --plaintext.")
		boolean secure;

		@Option(names = "--plaintext", description = "Kafka without TLS or ACLs (the default).")
		boolean plaintext;

	}

	static class Network {

		@Option(names = "--network",
				description = "Each part in a network namespace of its own on a bridge, so that ./pizza fault can cut "
						+ "the links between any two (needs root; plaintext). This machine reaches them on its "
						+ "loopback as before. Kept for later commands until --loopback.")
		boolean own;

		@Option(names = "--loopback", description = "Every part on this machine's loopback (the default).")
		boolean loopback;

	}

}
