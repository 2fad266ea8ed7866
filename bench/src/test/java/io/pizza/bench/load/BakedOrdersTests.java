package io.pizza.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench reads the header the makers write, as the contract names it.
 */
class BakedOrdersTests {

	@Test
	void readTheOrdersPartitionFromTheHeaderTheContractNames() throws IOException {
		assertThat(JsonMapper.shared()
			.readTree(Files.readString(Path.of("../contracts/pizza-order-status/order-status-changed.headers.json")))
			.has(BakedOrders.ORDER_PARTITION)).isTrue();
	}

}
