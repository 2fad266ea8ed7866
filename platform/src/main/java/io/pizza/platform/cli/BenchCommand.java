package io.pizza.platform.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.pizza.platform.load.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza bench}: the whole benchmark on the running platform, one table.
 */
@Command(name = "bench",
		description = "Benchmark the running platform in one go and print one table: Kafka's own ceiling "
				+ "(ProducerPerformance, acks=all, the orders' record size), the REST intake's highest sustained "
				+ "rate and its ratio to that ceiling, end-to-end latency at a moderate rate, the pizza makers' "
				+ "takeover after kill and kill --hard with the new and the classic group protocol, and courier "
				+ "position to SSE client latency; then the intake and end to end in secure and in plaintext mode, "
				+ "each just after a restart of the whole platform in it. Restarts the makers (baking in no time "
				+ "while it runs) and leaves the platform as it was. Writes the report as JSON under bench/results/.")
class BenchCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Option(names = "--ceiling-records", defaultValue = "100000",
			description = "Records ProducerPerformance sends (default: ${DEFAULT-VALUE}).")
	long ceilingRecords;

	@Option(names = "--intake-from", defaultValue = "10",
			description = "The REST intake's first step, in orders/s; each sustained step doubles it "
					+ "(default: ${DEFAULT-VALUE}).")
	double intakeFrom;

	@Option(names = "--intake-max", defaultValue = "3200",
			description = "The REST intake's highest step, in orders/s (default: ${DEFAULT-VALUE}).")
	double intakeMax;

	@Option(names = "--intake-step", defaultValue = "10s",
			description = "How long each intake step sends (default: ${DEFAULT-VALUE}).")
	String intakeStep;

	@Option(names = "--rate", defaultValue = "0",
			description = "The end-to-end run's rate, in orders/s (default: half the REST intake's highest "
					+ "sustained rate).")
	double rate;

	@Option(names = "--duration", defaultValue = "20s",
			description = "How long the end-to-end run sends (default: ${DEFAULT-VALUE}).")
	String duration;

	@Option(names = "--sse", defaultValue = "20s",
			description = "How long the SSE client listens to the couriers (default: ${DEFAULT-VALUE}).")
	String sse;

	@Option(names = "--seed", defaultValue = "42", description = "Seed of the fake orders (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--modes", negatable = true, defaultValue = "true", fallbackValue = "true",
			description = "Then measure the intake and end to end in both modes, secure and plaintext, each just "
					+ "after a restart of the whole platform in it, side by side (default: on; --no-modes leaves "
					+ "it out); the platform is left as it was.")
	boolean bothModes;

	@Override
	public Integer call() {
		Benchmark.Result result = new Benchmark(this.cli.platform(), Console::progress)
			.run(new Benchmark.Options(this.ceilingRecords, this.intakeFrom, this.intakeMax, duration(this.intakeStep),
					this.rate, duration(this.duration), duration(this.sse), this.seed, this.bothModes));
		System.out.println();
		System.out.println(result.report().table());
		System.out.println();
		System.out.println("Report: " + result.file());
		return 0;
	}

	private static Duration duration(String text) {
		return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
	}

}
