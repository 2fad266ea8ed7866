package io.pizza.platform.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.pizza.platform.services.BillingRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza rebuild billing}: bills the whole orders topic again from scratch.
 */
@Command(name = "rebuild", description = "Rebuild billing from scratch (billing-service's POST /bills/rebuild: it "
		+ "empties its bills and reads the orders topic from its start), wait until it billed every order again, "
		+ "and compare the totals.")
class RebuildCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "SERVICE", description = "billing (the one service whose state is built from a topic)")
	Target target;

	@Option(names = "--timeout", defaultValue = "PT5M", description = "How long billing may take to catch up.")
	Duration timeout;

	@Override
	public Integer call() {
		BillingRebuild.Result result = new BillingRebuild(this.cli.platform(), Console::progress).run(this.timeout);
		if (!result.same()) {
			Console.progress(
					"The totals differ: orders past the topic's retention or dead-lettered (./pizza dlt) are not billed again.");
			return 1;
		}
		Console.progress("Same totals as before.");
		return 0;
	}

	enum Target {

		billing

	}

}
