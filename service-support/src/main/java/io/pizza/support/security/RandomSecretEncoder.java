package io.pizza.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords kept as their SHA-256 (hex). The services' users are given machine-made
 * passwords of 144 random bits, which no one can guess from their digest however fast it
 * is; a deliberately slow hash (bcrypt and its kind, made for passwords people choose)
 * would cost tens of milliseconds of CPU on each request that carries HTTP Basic
 * credentials, and protect nothing more.
 */
public final class RandomSecretEncoder implements PasswordEncoder {

	@Override
	public String encode(CharSequence password) {
		return HexFormat.of().formatHex(digest(password));
	}

	@Override
	public boolean matches(CharSequence password, String encoded) {
		if (encoded == null || encoded.length() != 64) {
			return false;
		}
		byte[] expected;
		try {
			expected = HexFormat.of().parseHex(encoded);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, digest(password));
	}

	private static byte[] digest(CharSequence password) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(password.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
