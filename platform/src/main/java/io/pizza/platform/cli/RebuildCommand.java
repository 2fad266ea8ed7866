package io.pizza.platform.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.pizza.platform.services.BillingRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza rebuild billing}: bills the whole orders topic again, beside the bills in
 * use, and swaps the new bills in.
 */
@Command(name = "rebuild", description = "Bill every order of the orders topic again (billing-service's POST "
		+ "/bills/rebuild: it reads the topic from its start beside the bills in use and swaps the new bills in, "
		+ "keeping every bill whose order is gone from the topic), wait until it is done, and compare the totals.")
class RebuildCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "SERVICE", description = "billing (the one service whose state is built from a topic)")
	Target target;

	@Option(names = "--timeout", defaultValue = "PT5M", description = "How long billing may take to finish.")
	Duration timeout;

	@Override
	public Integer call() {
		BillingRebuild.Result result = new BillingRebuild(this.cli.platform(), Console::progress).run(this.timeout);
		if (!result.same()) {
			Console.progress("The totals differ: some bills changed (billing's rules or the orders' prices); "
					+ "the bills they replaced are in billing's table bills_before_rebuild.");
			return 1;
		}
		Console.progress("Same totals as before.");
		return 0;
	}

	enum Target {

		billing

	}

}
