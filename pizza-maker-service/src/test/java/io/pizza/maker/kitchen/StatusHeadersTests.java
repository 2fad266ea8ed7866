package io.pizza.maker.kitchen;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers saying where a status's order is are named as the contract names them, for
 * the tracker and the bench read them by those names.
 */
class StatusHeadersTests {

	@Test
	void theKitchensHeadersAreTheContracts() throws Exception {
		JsonNode headers = JsonMapper.shared()
			.readTree(Files.readString(Path.of("../contracts/pizza-order-status/order-status-changed.headers.json")));
		assertThat(headers.propertyNames()).containsExactly(Kitchen.ORDER_PARTITION, Kitchen.ORDER_OFFSET);
	}

}
