package io.pizza.platform.cli;

import java.nio.file.Path;
import java.util.Properties;

import io.pizza.platform.Platform;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * {@code ./pizza}: runs the whole system locally, each part a real process. The load
 * generator and the benchmark add their commands from a module of their own (bench), so
 * that what they need stays off this command's classpath.
 */
// every command takes --help, ./pizza up --help as well as ./pizza --help
@Command(name = "pizza", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
		description = "Runs the pizza system locally: a 3-node Kafka cluster, PostgreSQL and the services.",
		subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, KillCommand.class,
				StartCommand.class, OrderCommand.class, RebuildCommand.class, ConnectCommand.class, DltCommand.class,
				CertsCommand.class, TraceCommand.class })
public class PizzaCli {

	@Option(names = "--root", hidden = true, defaultValue = "${sys:pizza.root:-.}",
			description = "The project's root folder.")
	Path root;

	/**
	 * The platform, with the settings of {@code pizza.properties}.
	 * @return the platform
	 */
	public Platform platform() {
		return platform(new Properties());
	}

	Platform platform(Properties overrides) {
		return new Platform(PlatformSettings.load(this.root, overrides), Console::progress);
	}

	/**
	 * The settings of {@code pizza.properties}.
	 * @return the settings
	 */
	public PlatformSettings settings() {
		return PlatformSettings.load(this.root, new Properties());
	}

	Instance instance(String name) {
		PlatformSettings settings = settings();
		return settings.instance(name)
			.orElseThrow(() -> new PlatformException(
					"Unknown instance '" + name + "'. Instances: " + String.join(", ", settings.instanceNames())));
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/**
	 * The command line of {@code ./pizza}, to which further commands may be added.
	 * @param more further commands, each a picocli command whose parent is this one
	 * @return the command line
	 */
	public static CommandLine commandLine(Object... more) {
		CommandLine commandLine = new CommandLine(new PizzaCli());
		for (Object command : more) {
			commandLine.addSubcommand(command);
		}
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (ex instanceof PlatformException) {
				Console.error(ex.getMessage());
				return 1;
			}
			throw ex;
		});
		return commandLine;
	}

}
