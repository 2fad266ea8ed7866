package io.pizza.delivery.destination;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status's order is found where the kitchen's headers, named as the contract names
 * them, say it is.
 */
class RecordPositionTests {

	@Test
	void readsTheHeadersTheContractNames() throws Exception {
		JsonNode headers = JsonMapper.shared()
			.readTree(Files.readString(Path.of("../contracts/pizza-order-status/order-status-changed.headers.json")));
		assertThat(headers.propertyNames()).containsExactly(RecordPosition.PARTITION_HEADER,
				RecordPosition.OFFSET_HEADER);
		RecordHeaders written = new RecordHeaders();
		written.add(RecordPosition.PARTITION_HEADER, "3".getBytes(StandardCharsets.UTF_8));
		written.add(RecordPosition.OFFSET_HEADER, "42".getBytes(StandardCharsets.UTF_8));
		assertThat(RecordPosition.of(written)).contains(new RecordPosition(3, 42));
	}

	@Test
	void aStatusWrittenBeforeTheHeadersSaysNothing() {
		assertThat(RecordPosition.of(new RecordHeaders())).isEmpty();
	}

}
