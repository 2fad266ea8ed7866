package io.pizza.platform.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who logs in to PostgreSQL, in every mode: one role per database, named as the service
 * that owns it and the only one allowed to connect to it, and the superuser, whose
 * password only the platform's PostgreSQL starter reads. Each password is random, made on
 * the first {@code up}, and kept in a folder of its owner's own
 * ({@code secrets/<role>/postgres.password}, folder 0700, file 0600), which the platform
 * hands to that service alone and docker compose mounts likewise.
 */
public final class DatabaseLogins {

	/** The superuser: creates the roles and databases, and nothing else uses it. */
	public static final String SUPERUSER = "postgres";

	/** The file of a role's password in its folder. */
	public static final String PASSWORD_FILE = "postgres.password";

	private static final Map<String, String> OWNERS = new LinkedHashMap<>();

	static {
		OWNERS.put("orders", "order-service");
		OWNERS.put("billing", "billing-service");
		OWNERS.put("warehouse", "kafka-connect");
	}

	private final Path folder;

	public DatabaseLogins(Path folder) {
		this.folder = folder;
	}

	/**
	 * Each database and the role that owns it, named as its service.
	 * @return databases to their owners, in order
	 */
	public static Map<String, String> owners() {
		return Collections.unmodifiableMap(OWNERS);
	}

	/**
	 * The database a service owns, if it has one.
	 * @param role the service's name
	 * @return its database
	 */
	public static Optional<String> databaseOf(String role) {
		return OWNERS.entrySet()
			.stream()
			.filter((owner) -> owner.getValue().equals(role))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * The folder a role's password lies in, and nothing of any other role.
	 * @return its folder
	 */
	public Path folder(String role) {
		return this.folder.resolve(role);
	}

	/**
	 * Makes every role's password that is not there yet.
	 */
	public void prepare() {
		PrivateFiles.createFolder(this.folder);
		password(SUPERUSER);
		OWNERS.values().forEach(this::password);
	}

	/**
	 * A role's password, made if it is not there yet.
	 * @return its password
	 */
	public String password(String role) {
		Path file = folder(role).resolve(PASSWORD_FILE);
		try {
			if (!Files.exists(file)) {
				PrivateFiles.writeSecret(file, randomPassword());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A random password of 24 URL-safe characters (144 bits), which needs no quoting
	 * anywhere.
	 * @return a new password
	 */
	static String randomPassword() {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
