package io.pizza.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.pizza.bench.load.BenchOptions;
import io.pizza.bench.load.Benchmark;
import io.pizza.bench.load.TracingComparison;
import io.pizza.platform.cli.Console;
import io.pizza.platform.cli.PizzaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza bench}: the whole benchmark on the running platform, one table.
 */
@Command(name = "bench",
		description = "Benchmark the running platform in one go and print one table: Kafka's own ceiling "
				+ "(ProducerPerformance, acks=all, the orders' record size), end-to-end latency at a moderate rate, "
				+ "the pizza makers' takeover after kill and kill --hard with the new and the classic group "
				+ "protocol, courier position to SSE client latency, then the REST intake: POST /orders beside "
				+ "GET /menu of the same JVM in a closed loop (wrk), as ratios of that HTTP ceiling and of Kafka's, "
				+ "its highest sustained open-loop rate, and how fast the makers go through the backlog it left; "
				+ "the makers as a consumer group beside the makers as a share group on one backlog; "
				+ "with --modes, the intake and end to end in secure and in plaintext mode, each just after a "
				+ "restart of the whole platform in it. Restarts the makers (baking in no time while it runs) and "
				+ "leaves the platform as it was. Writes the report as JSON under bench/results/.")
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
	Duration intakeStep;

	@Option(names = "--rate", defaultValue = "500",
			description = "The end-to-end run's rate, in orders/s (default: ${DEFAULT-VALUE}).")
	double rate;

	@Option(names = "--connections", defaultValue = "64",
			description = "Requests the closed-loop runs keep in flight (default: ${DEFAULT-VALUE}).")
	int connections;

	@Option(names = "--closed-loop", defaultValue = "30s",
			description = "How long each closed-loop run lasts (default: ${DEFAULT-VALUE}).")
	Duration closedLoop;

	@Option(names = "--warm-up", defaultValue = "8m",
			description = "The longest POST /orders runs in a closed loop, not counted, before the one measured: "
					+ "rounds of 30 s until the JIT compilers of the platform's JVMs use less than 5%% of the "
					+ "machine's cores (default: ${DEFAULT-VALUE}).")
	Duration warmUp;

	@Option(names = "--backlog", defaultValue = "50000",
			description = "Orders written straight to the orders topic for the makers, then for billing, to "
					+ "measure how fast each goes through a backlog (default: ${DEFAULT-VALUE}).")
	int backlog;

	@Option(names = "--duration", defaultValue = "60s",
			description = "How long the end-to-end run sends (default: ${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--sse", defaultValue = "20s",
			description = "How long the SSE client listens to the couriers (default: ${DEFAULT-VALUE}).")
	Duration sse;

	@Option(names = "--seed", defaultValue = "42", description = "Seed of the fake orders (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--kitchens", defaultValue = "3000",
			description = "Orders of the backlog the makers bake as a consumer group and as a share group, with 2, "
					+ "4 and 8 makers and after a kill --hard, side by side; 0 leaves them out "
					+ "(default: ${DEFAULT-VALUE}).")
	int kitchens;

	@Option(names = "--modes", negatable = true, defaultValue = "false", fallbackValue = "true",
			description = "Then measure the intake and end to end in both modes, secure and plaintext, each just "
					+ "after a restart of the whole platform in it, side by side (default: off); the platform is "
					+ "left as it was.")
	boolean bothModes;

	@Option(names = "--tracing-warm-up", defaultValue = "2m",
			description = "Warm-up of the intake measured with tracing off and then on, each just after a restart "
					+ "of the services, side by side; 0 leaves that out (default: ${DEFAULT-VALUE}).")
	Duration tracingWarmUp;

	@Option(names = "--only-tracing",
			description = "Measure the intake with tracing off and on alone, nothing else; the platform is left "
					+ "tracing.")
	boolean onlyTracing;

	@Override
	public Integer call() {
		BenchOptions options = new BenchOptions(this.ceilingRecords, this.intakeFrom, this.intakeMax, this.intakeStep,
				this.rate, this.duration, this.connections, this.closedLoop, this.warmUp, this.backlog, this.sse,
				this.seed, this.kitchens, this.bothModes, this.tracingWarmUp, this.onlyTracing);
		if (this.onlyTracing) {
			TracingComparison.Alone tracing = TracingComparison.alone(this.cli.platform(), options, Console::progress);
			System.out.println();
			tracing.rows().forEach(System.out::println);
			System.out.println();
			System.out.println("Report: " + tracing.file());
			return 0;
		}
		Benchmark.Result result = new Benchmark(this.cli.platform(), Console::progress).run(options);
		System.out.println();
		System.out.println(result.report().table());
		System.out.println();
		System.out.println("Report: " + result.file());
		return 0;
	}

}
