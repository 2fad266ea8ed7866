package io.pizza.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The users every service's tests know ({@link TestUsersEnvironment} gives them to each
 * test's application as {@code pizza.http.users}), one per role, and a second courier.
 * Their passwords are for tests alone.
 */
public enum TestUser {

	/** Someone who orders, logged in: may no more than anyone. */
	CUSTOMER("customer-1", "CUSTOMER"),

	/** A courier, {@code bike-7}. */
	COURIER("bike-7", "COURIER"),

	/** Another courier, to try moving {@code bike-7}'s deliveries with. */
	OTHER_COURIER("bike-8", "COURIER"),

	/** Works in the shops. */
	STAFF("staff", "STAFF"),

	/** Runs the system. */
	ADMIN("admin", "ADMIN");

	private final String username;

	private final String role;

	TestUser(String username, String role) {
		this.username = username;
		this.role = role;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.username + "-test-password";
	}

	/**
	 * The {@code Authorization} header that says this user is asking.
	 * @return {@code Basic} and its credentials
	 */
	public String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((this.username + ":" + password()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Every test user, as the services read {@code pizza.http.users}.
	 * @return one line per user
	 */
	public static String all() {
		return Arrays.stream(values())
			.map((user) -> user.username + " " + user.role + " " + sha256(user.password()))
			.collect(Collectors.joining("\n"));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
