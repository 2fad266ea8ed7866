package io.pizza.platform.load;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTests {

	@Test
	void goesOnWhileEachRoundIsAtLeastFivePercentFasterThanTheOneBefore() {
		assertThat(WarmUp.levelled(List.of(344.0))).isFalse();
		assertThat(WarmUp.levelled(List.of(344.0, 427.0))).isFalse();
		assertThat(WarmUp.levelled(List.of(344.0, 427.0, 449.0))).isFalse();
		assertThat(WarmUp.levelled(List.of(344.0, 427.0, 448.0))).isTrue();
		assertThat(WarmUp.levelled(List.of(1044.0, 1010.0))).isTrue();
	}

}
