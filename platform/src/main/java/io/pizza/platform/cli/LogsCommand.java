package io.pizza.platform.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza logs [INSTANCE...] [-f]}: the instances' log files, each line prefixed
 * with its instance in a colour of its own.
 */
@Command(name = "logs", description = "Print the last lines of the instances' logs; -f follows them.")
class LogsCommand implements Callable<Integer> {

	private static final String[] COLOURS = { "cyan", "magenta", "yellow", "green", "blue", "red", "fg(208)", "fg(141)",
			"fg(39)", "fg(106)" };

	@ParentCommand
	PizzaCli cli;

	@Parameters(paramLabel = "INSTANCE", arity = "0..*", description = "Instances to show (default: the services).")
	List<String> names = new ArrayList<>();

	@Option(names = { "-f", "--follow" }, description = "Follow the logs as they grow.")
	boolean follow;

	@Option(names = { "-n", "--lines" }, defaultValue = "20",
			description = "Lines to show first (default: ${DEFAULT-VALUE}).")
	int lines;

	@Override
	public Integer call() throws IOException, InterruptedException {
		PlatformSettings settings = this.cli.settings();
		List<Instance> instances = this.names.isEmpty() ? settings.services()
				: this.names.stream().map(this.cli::instance).toList();
		int width = instances.stream().mapToInt((instance) -> instance.name().length()).max().orElse(10);
		Map<Instance, Long> positions = new LinkedHashMap<>();
		for (int i = 0; i < instances.size(); i++) {
			Instance instance = instances.get(i);
			Path log = settings.logFile(instance);
			if (Files.exists(log)) {
				List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
				all.subList(Math.max(0, all.size() - this.lines), all.size())
					.forEach((line) -> print(instance, line, width));
				positions.put(instance, Files.size(log));
			}
			else {
				positions.put(instance, 0L);
			}
		}
		while (this.follow) {
			boolean any = false;
			for (Map.Entry<Instance, Long> entry : positions.entrySet()) {
				long position = readNew(settings.logFile(entry.getKey()), entry.getValue(), entry.getKey(), width);
				any |= position != entry.getValue();
				entry.setValue(position);
			}
			if (!any) {
				Thread.sleep(200);
			}
		}
		return 0;
	}

	private long readNew(Path log, long position, Instance instance, int width) throws IOException {
		if (!Files.exists(log)) {
			return 0;
		}
		long size = Files.size(log);
		if (size < position) {
			position = 0;
		}
		if (size == position) {
			return position;
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			file.seek(position);
			byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
			file.readFully(bytes);
			int end = lastNewline(bytes);
			if (end < 0) {
				return position;
			}
			String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
			for (String line : text.split("\n", -1)) {
				print(instance, line, width);
			}
			return position + end + 1;
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void print(Instance instance, String line, int width) {
		String colour = COLOURS[Math.floorMod(instance.name().hashCode(), COLOURS.length)];
		System.out.println(Console.colour(String.format("%-" + width + "s |", instance.name()), colour) + " " + line);
	}

}
