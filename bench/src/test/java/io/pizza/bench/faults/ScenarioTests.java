package io.pizza.bench.faults;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault on a leader has taken effect once another node leads, and not before: whether
 * or not the line shows the leader's epoch, which a leader that does not answer leaves
 * out.
 */
class ScenarioTests {

	private static final Instance KAFKA_2 = new Instance("kafka-2", Kind.BROKER, 9093, null, 2, "512m");

	@Test
	void theStruckNodeStillLeading() {
		assertThat(Scenario.ledByAnother("leader kafka-2 (epoch 7), ISR kafka-1, kafka-2", KAFKA_2)).isFalse();
		assertThat(Scenario.ledByAnother("leader kafka-2, ISR kafka-1, kafka-2, kafka-3", KAFKA_2)).isFalse();
	}

	@Test
	void anotherNodeLeading() {
		assertThat(Scenario.ledByAnother("leader kafka-3 (epoch 8), ISR kafka-1, kafka-3", KAFKA_2)).isTrue();
		assertThat(Scenario.ledByAnother("leader kafka-1, ISR kafka-1", KAFKA_2)).isTrue();
		assertThat(Scenario.ledByAnother("leader kafka-22 (epoch 3)", KAFKA_2)).isTrue();
	}

	@Test
	void noLeaderOrNoLineIsNoLeaderElected() {
		assertThat(Scenario.ledByAnother("leader none, ISR kafka-2", KAFKA_2)).isFalse();
		assertThat(Scenario.ledByAnother(null, KAFKA_2)).isFalse();
	}

}
