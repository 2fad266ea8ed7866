package io.pizza.order.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.pizza.order.config.OrderServiceProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * An idempotency key names the same order on every instance that shares the secret, and
 * nobody without the secret can compute that order's id from the key.
 */
class OrderIdsTests {

	private static final String KEY = "7d444840-9dc0-4e1f-9b5c-4a7f1bd1f6a1";

	@Test
	void oneKeyNamesOneOrderUnderOneSecret() {
		assertThat(ids("secret-one-0123456789abcdef-0123456").of(KEY))
			.isEqualTo(ids("secret-one-0123456789abcdef-0123456").of(KEY.toUpperCase()));
	}

	@Test
	void theIdCannotBeComputedFromTheKeyAlone() {
		UUID id = ids("secret-one-0123456789abcdef-0123456").of(KEY);
		assertThat(id).isNotEqualTo(ids("secret-two-0123456789abcdef-0123456").of(KEY));
		// the ids computed from a key before: a name-based UUID of the key
		assertThat(id).isNotEqualTo(UUID.nameUUIDFromBytes(("pizza-orders/" + KEY).getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(UUID.nameUUIDFromBytes(KEY.getBytes(StandardCharsets.UTF_8)));
		assertThat(id.version()).as("RFC 9562's own kind").isEqualTo(8);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void keysMustBeRandomUuids() {
		assertThat(KEY).matches(OrderIds.KEY_PATTERN);
		assertThat("0190f1a2-7b3c-7d4e-8f50-123456789abc").as("version 7").matches(OrderIds.KEY_PATTERN);
		assertThat("retry-me").doesNotMatch(OrderIds.KEY_PATTERN);
		assertThat("order-42").doesNotMatch(OrderIds.KEY_PATTERN);
		assertThat("6ba7b810-9dad-11d1-80b4-00c04fd430c8").as("version 1: a clock and a MAC address")
			.doesNotMatch(OrderIds.KEY_PATTERN);
		assertThat("00000000-0000-0000-0000-000000000000").doesNotMatch(OrderIds.KEY_PATTERN);
	}

	private static OrderIds ids(String secret) {
		OrderServiceProperties properties = mock(OrderServiceProperties.class);
		given(properties.orderIdKey()).willReturn(secret);
		return new OrderIds(properties);
	}

}
