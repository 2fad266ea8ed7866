package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza down}: stops every process; the data stays for the next {@code up}.
 */
@Command(name = "down", description = "Stop every process of the platform. The data is kept for the next 'up'.")
class DownCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Override
	public Integer call() {
		this.cli.platform().down();
		Console.progress("Everything stopped; data kept in " + this.cli.settings().stateDir());
		return 0;
	}

}
