package io.pizza.platform.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who logs in to the services over HTTP, in every mode: the people who run the shops and
 * the system, a courier to try the couriers' API with, and the dashboard, which reads
 * billing's totals as a user of its own. Each password is random, made on the first
 * {@code up} into its user's own folder ({@code secrets/<user>/pizza.http.password});
 * each service is given the users' names, roles and SHA-256 digests alone
 * ({@code secrets/<service>/pizza.http.users}), never a password but its own.
 */
public final class HttpLogins {

	/** {@code ./pizza} itself, and whoever runs the system. */
	public static final String ADMIN = "admin";

	/**
	 * The file of a user's password in its folder, as Spring Boot's config tree reads it.
	 */
	public static final String PASSWORD_FILE = "pizza.http.password";

	/** The file of the users in a service's folder. */
	public static final String USERS_FILE = "pizza.http.users";

	private static final Map<String, String> USERS = new LinkedHashMap<>();

	static {
		USERS.put(ADMIN, "ADMIN");
		USERS.put("staff", "STAFF");
		USERS.put("bike-1", "COURIER");
		USERS.put("dashboard", "STAFF");
	}

	private final Path folder;

	public HttpLogins(Path folder) {
		this.folder = folder;
	}

	/**
	 * Every user and its role.
	 * @return users to roles, in order
	 */
	public static Map<String, String> users() {
		return Collections.unmodifiableMap(USERS);
	}

	/**
	 * A user's password, made if it is not there yet.
	 * @return its password
	 */
	public String password(String user) {
		Path file = this.folder.resolve(user).resolve(PASSWORD_FILE);
		try {
			if (!Files.exists(file)) {
				PrivateFiles.createFolder(this.folder);
				PrivateFiles.writeSecret(file, DatabaseLogins.randomPassword());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The {@code Authorization} header of a user.
	 * @return {@code Basic} and its credentials
	 */
	public String authorization(String user) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes the users, as a service reads them, into the service's own folder.
	 * @param service the service's name
	 * @return its folder
	 */
	public Path prepare(String service) {
		String lines = USERS.entrySet()
			.stream()
			.map((user) -> user.getKey() + " " + user.getValue() + " " + sha256(password(user.getKey())))
			.collect(Collectors.joining("\n", "", "\n"));
		Path serviceFolder = this.folder.resolve(service);
		Path file = serviceFolder.resolve(USERS_FILE);
		try {
			// written only when it changes: an instance starting may be reading it
			if (!Files.exists(file) || !Files.readString(file).equals(lines)) {
				PrivateFiles.writeSecret(file, lines);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return serviceFolder;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
