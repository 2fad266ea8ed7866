package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import io.pizza.platform.settings.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza kill INSTANCE [--hard]}: stops one instance, politely or not, to watch the
 * rest of the system cope.
 */
@Command(name = "kill", description = "Stop one instance: SIGTERM (graceful), or SIGKILL with --hard. Brokers too.")
class KillCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "INSTANCE", description = "e.g. pizza-maker-1, kafka-2, postgres, billing-service")
	String name;

	@Option(names = "--hard", description = "SIGKILL: no shutdown hooks, no leaving the group, no controlled shutdown.")
	boolean hard;

	@Override
	public Integer call() {
		Instance instance = this.cli.instance(this.name);
		long started = System.nanoTime();
		if (!this.cli.platform().kill(instance, this.hard)) {
			Console.progress(instance + " is not running");
			return 0;
		}
		Console.progress((this.hard ? "killed (SIGKILL) " : "stopped ") + instance + " in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms; bring it back with ./pizza start " + instance);
		return 0;
	}

}
