package io.pizza.bench.load;

import java.util.List;

import io.pizza.bench.load.WarmUp.Round;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTests {

	@Test
	void goesOnWhileTheCompilersTakeAShareOfTheMachine() {
		assertThat(WarmUp.settled(List.of(), 2)).isFalse();
		assertThat(WarmUp.settled(List.of(new Round(209, 0.61)), 2)).isFalse();
		assertThat(WarmUp.settled(List.of(new Round(268, 0.40), new Round(273, 0.35)), 2))
			.as("a round barely faster, the compilers still at work")
			.isFalse();
		assertThat(WarmUp.settled(List.of(new Round(868, 0.30), new Round(1044, 0.09)), 2)).isTrue();
	}

	@Test
	void withoutTheCompilersFiguresGoesOnWhileEachRoundIsAtLeastFivePercentFaster() {
		double unknown = Double.NaN;
		assertThat(WarmUp.settled(List.of(new Round(344, unknown)), 2)).isFalse();
		assertThat(WarmUp.settled(List.of(new Round(344, unknown), new Round(427, unknown)), 2)).isFalse();
		assertThat(WarmUp.settled(List.of(new Round(427, unknown), new Round(449, unknown)), 2)).isFalse();
		assertThat(WarmUp.settled(List.of(new Round(427, unknown), new Round(448, unknown)), 2)).isTrue();
	}

}
