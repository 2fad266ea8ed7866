package io.pizza.platform.kafka;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster id the storage tool takes: 22 characters of URL-safe base64, never one that
 * starts with {@code -}, which it would read as an option.
 */
class NodeStorageTests {

	@Test
	void noClusterIdStartsWithADash() {
		// one random id in 64 would, before: 2,000 make one all but certain
		IntStream.range(0, 2000).mapToObj((n) -> NodeStorage.randomClusterId()).forEach((id) -> {
			assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
			assertThat(id).doesNotStartWith("-");
		});
	}

}
