package io.pizza.platform.settings;

import java.nio.file.Path;

import io.pizza.platform.secure.ConnectRestLogin;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.secure.ServiceSecrets;
import io.pizza.platform.secure.TlsMaterial;

/**
 * Where the platform keeps its passwords, keys and certificates, each in a folder of the
 * state folder that only its owner may read.
 */
public final class Secrets {

	private final Path stateDir;

	private final String connect;

	Secrets(Path stateDir, String connect) {
		this.stateDir = stateDir;
		this.connect = connect;
	}

	/**
	 * The secure mode's CA, certificates and keys.
	 * @return the {@code tls} folder of the state folder
	 */
	public TlsMaterial tls() {
		return new TlsMaterial(this.stateDir.resolve("tls"));
	}

	/**
	 * PostgreSQL's logins, in every mode: one password per role, each in its own folder.
	 * @return the logins
	 */
	public DatabaseLogins databaseLogins() {
		return new DatabaseLogins(this.stateDir.resolve("secrets"));
	}

	/**
	 * The services' HTTP users, in every mode: one password per user, each in its own
	 * folder beside PostgreSQL's.
	 * @return the logins
	 */
	public HttpLogins httpLogins() {
		return new HttpLogins(this.stateDir.resolve("secrets"));
	}

	/**
	 * Kafka Connect's REST API login, in every mode, in the worker's secrets folder.
	 * @return the login
	 */
	public ConnectRestLogin connectRestLogin() {
		return new ConnectRestLogin(databaseLogins().folder(this.connect));
	}

	/**
	 * The secrets each service's instances share.
	 * @return them, in the secrets folder
	 */
	public ServiceSecrets serviceSecrets() {
		return new ServiceSecrets(this.stateDir.resolve("secrets"));
	}

}
