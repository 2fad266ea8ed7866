package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import io.pizza.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza up}: starts everything that does not run yet, returns when all is healthy.
 */
@Command(name = "up",
		description = "Start the Kafka cluster, PostgreSQL and all services; return when all are healthy.")
class UpCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Override
	public Integer call() {
		long started = System.nanoTime();
		Platform platform = this.cli.platform();
		platform.up();
		Console.progress("All healthy in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
		System.out.println();
		StatusTable.print(platform.status(), platform.settings());
		return 0;
	}

}
