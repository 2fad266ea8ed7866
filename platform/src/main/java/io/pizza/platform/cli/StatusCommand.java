package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import io.pizza.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza status}: each process with its pid, port and health, and which broker is
 * the active controller.
 */
@Command(name = "status", description = "Show each process: pid, port, health; for brokers, which is the controller.")
class StatusCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Override
	public Integer call() {
		Platform platform = this.cli.platform();
		StatusTable.print(platform.status(), platform.settings());
		return 0;
	}

}
