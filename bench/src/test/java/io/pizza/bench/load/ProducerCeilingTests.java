package io.pizza.bench.load;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceiling is read from what {@code ProducerPerformance} prints: its last line, not
 * its progress lines.
 */
class ProducerCeilingTests {

	@Test
	void readsTheWholeRunsLineNotTheProgressLines() {
		List<String> output = List.of(
				"23073 records sent, 4613.7 records/sec (2.51 MB/sec), 1495.3 ms avg latency, 2587.0 ms max latency.",
				"100000 records sent, 9962.1 records/sec (5.42 MB/sec), 3215.02 ms avg latency, 4820.00 ms max "
						+ "latency, 3549 ms 50th, 4594 ms 95th, 4779 ms 99th, 4798 ms 99.9th.");
		assertThat(ProducerCeiling.summary(output, 570))
			.contains(new ProducerCeiling.Result(100000, 570, 9962.1, 5.42, 3549, 4779));
	}

	@Test
	void noSummaryWhenTheToolStoppedBeforeTheEnd() {
		List<String> output = List.of(
				"23073 records sent, 4613.7 records/sec (2.51 MB/sec), 1495.3 ms avg latency, 2587.0 ms max latency.",
				"org.apache.kafka.common.errors.TimeoutException: Topic bench-ceiling not present in metadata");
		assertThat(ProducerCeiling.summary(output, 570)).isEmpty();
	}

}
