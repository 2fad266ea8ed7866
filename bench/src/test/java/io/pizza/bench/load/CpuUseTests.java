package io.pizza.bench.load;

import java.io.BufferedReader;
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
	void countsTheCpuTimeOfAChildProcessThatEndedMeanwhile() throws Exception {
		// as PostgreSQL's postmaster with a backend that works, ends and is waited for,
		// the postmaster still running when the measure ends. The backend does a fixed
		// amount of work (a third of a second of CPU here) rather than work for a fixed
		// time, so that a busy machine makes it take longer, not count less; the parent's
		// own share is some thousandths.
		Process parent = new ProcessBuilder("sh", "-c",
				"sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; echo ended; sleep 10")
			.start();
		try (BufferedReader output = parent.inputReader()) {
			CpuUse.Meter meter = CpuUse.start(Map.of("postgres", parent.toHandle()));
			assertThat(output.readLine()).isEqualTo("ended");
			CpuUse used = meter.stop();
			assertThat(parent.isAlive()).isTrue();
			assertThat(used.byPart().get("postgres")).isGreaterThan(0.05);
		}
		finally {
			parent.destroyForcibly();
		}
	}

	@Test
	void itsTotalIsWhatThePartsUsedTogether() {
		CpuUse used = new CpuUse(2, 10, Map.of("brokers", 1.0, "order-service", 0.5));
		assertThat(used.total()).isEqualTo(1.5);
	}

	@Test
	void anOrdersCostIsTheCpuTimeSpentDividedByTheOrders() {
		// 1.5 cores for 10 s: 15 s of CPU time, 3 ms for each of 5,000 orders
		OrderCost cost = new CpuUse(2, 10, Map.of("brokers", 1.0, "order-service", 0.5)).perOrder(5000);
		assertThat(cost.millisByPart()).containsEntry("brokers", 2.0).containsEntry("order-service", 1.0);
		assertThat(cost.millis()).isEqualTo(3.0);
		assertThat(cost.summary()).startsWith("3.00 ms (5000 orders, 10 s): ");
	}

}
