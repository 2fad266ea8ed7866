package io.pizza.order.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pizza.order.config.OrderServiceProperties;

import org.springframework.stereotype.Component;

/**
 * The order id an {@code Idempotency-Key} names: the HMAC-SHA256 of the key under a
 * secret that the order-service instances alone share
 * ({@code order-service.order-id-key}), so that every instance derives the same id from
 * the same key, before and after any restart, and nobody who knows or guesses a key can
 * compute its order's id from it. An order without a key gets a random id.
 */
@Component
class OrderIds {

	/** What a key must be: a random UUID, version 4 or 7, as the IETF draft advises. */
	static final String KEY_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[47][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec secret;

	OrderIds(OrderServiceProperties properties) {
		this.secret = new SecretKeySpec(properties.orderIdKey().getBytes(StandardCharsets.UTF_8), HMAC);
	}

	/**
	 * The order id a key names: the HMAC's first 128 bits, marked as a UUID of version 8
	 * (RFC 9562's own kind).
	 * @param idempotencyKey the client's key, a UUID in any case
	 * @return the order's id
	 */
	UUID of(String idempotencyKey) {
		byte[] digest = mac().doFinal(UUID.fromString(idempotencyKey).toString().getBytes(StandardCharsets.US_ASCII));
		digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
		digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(digest, 0, 16);
		return new UUID(bits.getLong(), bits.getLong());
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.secret);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
