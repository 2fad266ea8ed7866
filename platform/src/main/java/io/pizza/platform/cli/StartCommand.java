package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import io.pizza.platform.settings.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza start INSTANCE}: brings back a stopped instance, or adds a pizza maker.
 */
@Command(name = "start",
		description = "Start one instance again (or a further maker, e.g. pizza-maker-3) and wait until it is healthy.")
class StartCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "INSTANCE", description = "e.g. pizza-maker-1, pizza-maker-3, kafka-2, postgres")
	String name;

	@Override
	public Integer call() {
		Instance instance = this.cli.instance(this.name);
		long started = System.nanoTime();
		this.cli.platform().start(instance);
		Console.progress(instance + " runs (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
		return 0;
	}

}
