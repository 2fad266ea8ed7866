package io.pizza.platform.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.pizza.platform.Platform;
import io.pizza.platform.connect.ConnectorFiles;
import io.pizza.platform.connect.ConnectorStatus;
import io.pizza.platform.settings.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza connect}: the Connect worker's connectors and how they run.
 */
@Command(name = "connect",
		description = "List the Kafka Connect worker's connectors with their state and their tasks' states; "
				+ "with --apply, first create or update every connector from the files in " + ConnectorFiles.FOLDER
				+ "/.")
class ConnectCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Option(names = "--apply", description = "(Re)create the connectors from their files first.")
	boolean apply;

	@Override
	public Integer call() {
		Platform platform = this.cli.platform();
		Instance worker = platform.settings().connect();
		if (this.apply) {
			Console.progress("applied " + platform.connectors().apply(worker, false));
		}
		List<ConnectorStatus> connectors = platform.connectors().list(worker);
		String row = "%-28s %-6s %-12s %s%n";
		System.out.printf(row, "CONNECTOR", "TYPE", "STATE", "TASKS");
		for (ConnectorStatus connector : connectors) {
			System.out.printf(row, connector.name(), connector.type(), connector.state(),
					connector.tasks().isEmpty() ? "-" : String.join(", ", connector.tasks()));
		}
		System.out.println();
		System.out.println("REST API: http://localhost:" + worker.port() + "/connectors?expand=status");
		boolean healthy = connectors.stream()
			.allMatch((c) -> c.state().equals("RUNNING") && c.tasks().stream().allMatch("RUNNING"::equals));
		return healthy ? 0 : 1;
	}

}
