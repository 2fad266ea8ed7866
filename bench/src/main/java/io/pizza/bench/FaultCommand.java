package io.pizza.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.pizza.bench.faults.FaultRun;
import io.pizza.platform.cli.Console;
import io.pizza.platform.cli.PizzaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza fault SCENARIO}, {@code pizza fault heal} and {@code pizza fault --check
 * SCHEDULE}.
 */
@Command(name = "fault", description = "Cause a fault on the platform's own network (./pizza up --network) and tell "
		+ "what the cluster does: leader-isolated, quorum-leader-isolated, order-service-cut, broker-paused, "
		+ "clock-skew; or heal every fault. With --check SCHEDULE: run a schedule of faults under a client that "
		+ "keeps a history of every order, then check it against the log and the read models (docs/faults.md).")
class FaultCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "SCENARIO", arity = "0..1",
			description = "leader-isolated, quorum-leader-isolated, order-service-cut, broker-paused, clock-skew, heal")
	String scenario;

	@Option(names = "--partition", defaultValue = "0",
			description = "The partition of pizza-orders whose leader is isolated or paused (default: ${DEFAULT-VALUE}).")
	int partition;

	@Option(names = "--watch", defaultValue = "40s",
			description = "How long to tell what the cluster does, at most (default: ${DEFAULT-VALUE}).")
	Duration watch;

	@Option(names = "--skew", defaultValue = "5m",
			description = "How far ahead a skewed clock is (default: ${DEFAULT-VALUE}).")
	Duration skew;

	@Option(names = "--check", paramLabel = "SCHEDULE",
			description = "Run a schedule of faults under a client keeping a history, then check it: leader, full.")
	String check;

	@Option(names = "--acks", defaultValue = "all",
			description = "With --check: order-service's producer acks, all or 1 (default: ${DEFAULT-VALUE}).")
	String acks;

	@Option(names = "--min-isr", defaultValue = "2",
			description = "With --check: pizza-orders' min.insync.replicas (default: ${DEFAULT-VALUE}).")
	int minInSync;

	@Option(names = "--pace", defaultValue = "6s",
			description = "With --check: how long each shop's client waits between two orders; the default keeps up "
					+ "with the couriers (a faster client puts more orders in a fault's way, and its deliveries queue "
					+ "up for minutes afterwards) (default: ${DEFAULT-VALUE}).")
	Duration pace;

	@Override
	public Integer call() {
		FaultRun run = new FaultRun(this.cli.platform(), Console::progress);
		if (this.check != null) {
			return run.check(this.check, this.acks, this.minInSync, this.pace) ? 0 : 1;
		}
		if (this.scenario == null) {
			Console.error("Name a fault, heal, or --check SCHEDULE");
			return 2;
		}
		if (this.scenario.equals("heal")) {
			run.heal(this.watch);
			return 0;
		}
		run.cause(this.scenario, this.partition, this.skew, this.watch);
		return 0;
	}

}
