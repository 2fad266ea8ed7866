package io.pizza.platform.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process killed a moment ago, which its parent has not reaped yet, is no running
 * instance: {@code ./pizza start} right after a {@code kill -9} starts it again.
 */
class ProcessStateTests {

	@Test
	void aProcessKilledAndNotYetReapedIsNotRunning() throws Exception {
		// a parent that never waits for its child: the child, once ended, stays a zombie
		Process parent = new ProcessBuilder("/bin/sh", "-c", "sleep 30 & echo $!; exec sleep 30").start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
			ProcessHandle child = ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
			assertThat(ProcessState.isDead(child)).as("running").isFalse();
			// until the shell has become sleep, it could still reap its child itself
			await().atMost(Duration.ofSeconds(5))
				.until(() -> parent.info().command().filter((command) -> command.endsWith("sleep")).isPresent());
			child.destroyForcibly();
			await().atMost(Duration.ofSeconds(5)).until(() -> ProcessState.isDead(child));
			assertThat(child.isAlive()).as("what the JVM alone says of a zombie").isTrue();
		}
		finally {
			parent.destroyForcibly();
		}
	}

}
