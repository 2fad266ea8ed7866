package io.pizza.bench.load;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuUseTests {

	@Test
	void countsTheCpuTimeOfAProcessThatWorked() {
		CpuUse.Meter meter = CpuUse.start(Map.of("kafka-1", ProcessHandle.current()));
		long until = System.nanoTime() + 500_000_000L;
		long spins = 0;
		while (System.nanoTime() < until) {
			spins++;
		}
		CpuUse used = meter.stop();
		assertThat(spins).isPositive();
		assertThat(used.byPart()).containsOnlyKeys("brokers");
		assertThat(used.byPart().get("brokers")).isGreaterThan(0.05);
		assertThat(used.summary()).startsWith("%.2f of %d cores: brokers".formatted(used.total(), used.cores()));
	}

	@Test
	void itsTotalIsWhatThePartsUsedTogether() {
		CpuUse used = new CpuUse(2, Map.of("brokers", 1.0, "order-service", 0.5));
		assertThat(used.total()).isEqualTo(1.5);
	}

}
