package io.pizza.platform.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.pizza.platform.deadletters.DeadLetter;
import io.pizza.platform.deadletters.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza dlt}: every dead letter and why; {@code pizza dlt replay TOPIC} sends them
 * back to their source topic.
 */
@Command(name = "dlt",
		description = "List every record of the dead-letter topics (*.DLT): where it lies, where it came from, its "
				+ "key and why it was given up on. 'dlt replay TOPIC' sends them back to their source topic once "
				+ "the cause is fixed.",
		subcommands = DltCommand.Replay.class)
class DltCommand implements Callable<Integer> {

	private static final String ROW = "%-34s %-26s %-18s %-24s %s%n";

	@ParentCommand
	PizzaCli cli;

	@Override
	public Integer call() {
		DeadLetters deadLetters = deadLetters();
		int count = 0;
		System.out.printf(ROW, "DEAD LETTER", "CAME FROM", "GIVEN UP BY", "KEY", "REASON");
		for (String topic : deadLetters.topics()) {
			for (DeadLetter letter : deadLetters.in(topic)) {
				print(letter);
				count++;
			}
		}
		System.out.println();
		System.out.println(count + " dead letter(s)");
		return 0;
	}

	private DeadLetters deadLetters() {
		return new DeadLetters(this.cli.platform().settings().kafkaClient());
	}

	private static void print(DeadLetter letter) {
		System.out.printf(ROW, "%s-%d@%d".formatted(letter.topic(), letter.partition(), letter.offset()),
				"%s-%d@%d".formatted(letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset()),
				letter.group(), letter.key(), letter.reason());
	}

	/**
	 * {@code pizza dlt replay TOPIC [--offset PARTITION@OFFSET]}.
	 */
	@Command(name = "replay",
			description = "Send the dead letters of TOPIC (all, or the one at --offset) back to "
					+ "the topic each came from, as they were, for the consumer group that gave up on each alone "
					+ "(replayed-from and replayed-for headers): the other groups handled them the first time and skip "
					+ "them, and a group skips an order it handled already, however old.")
	static class Replay implements Callable<Integer> {

		@ParentCommand
		DltCommand dlt;

		@Parameters(paramLabel = "TOPIC", description = "A dead-letter topic, e.g. pizza-orders.billing.DLT")
		String topic;

		@Option(names = "--offset", paramLabel = "PARTITION@OFFSET",
				description = "Only the dead letter at this place, as the listing gives it (e.g. 2@17).")
		String at;

		@Override
		public Integer call() {
			List<DeadLetter> replayed = this.dlt.deadLetters()
				.replay(this.topic, Optional.ofNullable(this.at).map(DeadLetters.Position::parse));
			replayed.forEach(DltCommand::print);
			Console.progress(replayed.size() + " dead letter(s) sent back");
			return replayed.isEmpty() ? 1 : 0;
		}

	}

}
