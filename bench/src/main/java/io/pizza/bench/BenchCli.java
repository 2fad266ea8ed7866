package io.pizza.bench;

import java.time.Duration;

import io.pizza.bench.plan.PlanCommand;
import io.pizza.platform.cli.PizzaCli;

/**
 * {@code ./pizza load} and {@code ./pizza bench}: the platform's command line with the
 * load generator's and the benchmark's commands added.
 */
public final class BenchCli {

	private BenchCli() {
	}

	public static void main(String[] args) {
		System.exit(PizzaCli.commandLine(new LoadCommand(), new BenchCommand(), new FaultCommand(), new PlanCommand())
			.registerConverter(Duration.class, new DurationConverter())
			.execute(args));
	}

}
