package io.pizza.order.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What identifies a request sent with an {@code Idempotency-Key}: the order id the key
 * names, the same on every instance and after any restart, and a digest of the order's
 * canonical JSON (the request as read, written again field by field: spaces, the order of
 * the fields and a missing list of toppings make no difference), so that a key sent again
 * with another order is told apart.
 */
@Component
class RequestFingerprint {

	private final JsonMapper json;

	RequestFingerprint(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The order id an idempotency key names.
	 * @param idempotencyKey the client's key
	 * @return a name-based UUID of the key
	 */
	static UUID orderId(String idempotencyKey) {
		return UUID.nameUUIDFromBytes(("pizza-orders/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The digest of an order's canonical form.
	 * @param order the order as read from the request
	 * @return its SHA-256, in hex
	 */
	String of(PlaceOrder order) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(order)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
