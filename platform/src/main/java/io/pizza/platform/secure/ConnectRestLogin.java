package io.pizza.platform.secure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Who may use Kafka Connect's REST API, which makes and deletes connectors and reads
 * their configurations, in every mode: one user ({@value #USER}) with a random password,
 * made on the first {@code up} in the worker's own secrets folder, in the form the
 * worker's {@code PropertyFileLoginModule} reads ({@code USER: PASSWORD}). docker compose
 * makes the same file in its secrets volume.
 */
public final class ConnectRestLogin {

	/** The REST API's one user. */
	public static final String USER = "admin";

	/** The file of the users, in the worker's folder. */
	public static final String FILE = "connect-rest.password";

	private final Path folder;

	/**
	 * The login kept in a folder.
	 * @param folder the Connect worker's secrets folder
	 */
	public ConnectRestLogin(Path folder) {
		this.folder = folder;
	}

	/**
	 * The file of the users, made if missing.
	 * @return the file
	 */
	public Path users() {
		Path file = this.folder.resolve(FILE);
		if (!Files.exists(file)) {
			PrivateFiles.writeSecret(file, USER + ": " + DatabaseLogins.randomPassword() + "\n");
		}
		return file;
	}

	/**
	 * The {@code Authorization} header of the REST API's user.
	 * @return {@code Basic} and the user and password
	 */
	public String authorization() {
		try {
			String line = Files.readString(users()).trim();
			String password = line.substring(line.indexOf(':') + 1).trim();
			return "Basic "
					+ Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
