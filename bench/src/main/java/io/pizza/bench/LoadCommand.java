package io.pizza.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.pizza.bench.load.LoadMeasurement;
import io.pizza.platform.cli.Console;
import io.pizza.platform.cli.PizzaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza load}: fake orders at a steady rate, then latencies measured end to end.
 */
@Command(name = "load",
		description = "Place fake orders through the REST API at a steady rate, then report the "
				+ "rate achieved, HTTP statuses and latency, and POST->BAKED and POST->billed latencies read from the "
				+ "status events and the bills. Writes the report as JSON under bench/results/.")
class LoadCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Option(names = "--rate", defaultValue = "50", description = "Orders per second (default: ${DEFAULT-VALUE}).")
	double rate;

	@Option(names = "--duration", defaultValue = "30s",
			description = "How long to send, such as 30s or 2m (default: ${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--seed", defaultValue = "42",
			description = "Seed of the fake orders: the same seed, the same orders (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--soak",
			description = "Also read each process's heap after a full garbage collection and every consumer group's "
					+ "lag once the load is steady (a fifth of the run, 2 min at most) and as it ends: for a long "
					+ "run, such as --duration 30m.")
	boolean soak;

	@Override
	public Integer call() {
		// on a terminal, one line that keeps changing; in a log, a line a second
		Consumer<String> progress = (System.console() != null) ? (line) -> System.out.print("\r" + line + "   ")
				: Console::progress;
		LoadMeasurement.Result result = new LoadMeasurement(this.cli.settings(), progress).run(this.rate, this.duration,
				this.seed, this.soak);
		System.out.println();
		System.out.println(result.table());
		System.out.println();
		System.out.println("Report: " + result.file());
		return result.complete() ? 0 : 1;
	}

}
