package io.pizza.bench.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.pizza.platform.cli.PizzaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza plan}: what 1,000, 10,000 and 100,000 orders a second need, from a bench
 * report's costs per order.
 */
@Command(name = "plan",
		description = "Print what rates of orders need (brokers, partitions, makers, order-service replicas, "
				+ "PostgreSQL, Kafka's records and bytes) from the CPU each process spent per order in a bench "
				+ "report: the newest under bench/results/ unless one is given (docs/scaling.md).")
public class PlanCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Parameters(arity = "0..1", paramLabel = "REPORT", description = "A bench report (JSON).")
	Path report;

	@Option(names = "--rates", split = ",", defaultValue = "1000,10000,100000",
			description = "Orders a second to plan for (default: ${DEFAULT-VALUE}).")
	List<Integer> rates;

	@Override
	public Integer call() {
		Path root = this.cli.settings().root();
		Measured measured = Measured.read((this.report != null) ? this.report : newest(root.resolve("bench/results")));
		ScalePlan plan = new ScalePlan(measured, SystemFacts.of(root));
		System.out.printf(Locale.ROOT, "From %s: %.0f orders/s measured; CPU per order %s ms%n", measured.source(),
				measured.ordersPerSecond(), measured.millisByPart());
		System.out.println();
		System.out.print(PlanTable.of(plan, this.rates));
		System.out.println();
		System.out.printf(Locale.ROOT, "One shop's orders share one partition and one maker: at most %,.0f orders/s "
				+ "a shop for a maker's core, baking in no time.%n", plan.oneShopAtMost());
		return 0;
	}

	private static Path newest(Path results) {
		try (Stream<Path> reports = Files.list(results)) {
			return reports
				.filter((file) -> file.getFileName().toString().matches("(bench|tracing)-\\d{8}-\\d{6}\\.json"))
				.max(Comparator.comparing((file) -> file.getFileName().toString().replaceAll("^[a-z]+-", "")))
				.orElseThrow(() -> new IllegalStateException("no bench report under " + results + ": ./pizza bench"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
