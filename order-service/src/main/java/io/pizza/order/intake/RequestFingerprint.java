package io.pizza.order.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What tells two requests sent with one {@code Idempotency-Key} apart: a digest of the
 * order's canonical JSON (the request as read, written again field by field: spaces, the
 * order of the fields and a missing list of toppings make no difference).
 */
@Component
class RequestFingerprint {

	private final JsonMapper json;

	RequestFingerprint(JsonMapper json) {
		this.json = json;
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
