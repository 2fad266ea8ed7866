package io.pizza.bench.load;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak reads the live heap from a class histogram's total and sets each process's heap
 * and each group's lag at the start beside the end.
 */
class SoakTests {

	@Test
	void theLiveHeapIsTheHistogramsTotal() {
		String histogram = """
				12345:
				 num     #instances         #bytes  class name (module)
				-------------------------------------------------------
				   1:         51210        4183024  [B (java.base@17.0.15)
				   2:          7021         851312  java.lang.Class (java.base@17.0.15)
				Total        305611       27984216
				""";
		assertThat(Soak.liveBytes(histogram)).contains(27984216L);
		assertThat(Soak.liveBytes("12345:\ncom.sun.tools.attach.AttachNotSupportedException")).isEmpty();
	}

	@Test
	void theTableSetsTheStartBesideTheEnd() {
		Soak.Snapshot start = new Soak.Snapshot(Instant.EPOCH, Map.of("order-service", 40L * 1048576),
				Map.of("billing", 0L));
		Soak.Snapshot end = new Soak.Snapshot(Instant.EPOCH.plusSeconds(1800),
				Map.of("order-service", 42L * 1048576, "kafka-1", 160L * 1048576),
				Map.of("billing", 3L, "pizza-makers", 0L));
		String table = new Soak.Report(start, end).table();
		assertThat(table).containsPattern("order-service\\s+40\\.0\\s+42\\.0")
			.containsPattern("kafka-1\\s+-\\s+160\\.0")
			.containsPattern("billing\\s+0\\s+3")
			.containsPattern("pizza-makers\\s+-\\s+0");
	}

}
