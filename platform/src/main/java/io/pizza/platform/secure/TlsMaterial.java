package io.pizza.platform.secure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the secure mode's brokers and clients authenticate with, in a folder of the state
 * folder: a CA of the platform's own in {@code ca/}, used by {@code ./pizza} alone to
 * issue, and one folder per broker and per client with its certificate, its key and the
 * CA's certificate, nothing else (Kafka takes a certificate's common name as the
 * principal's name); Kafka Connect's folder also holds its REST API's password. The Kafka
 * settings that point at them are made here too, so that they follow the layout.
 */
public final class TlsMaterial {

	/** The principal of {@code ./pizza} itself: a super user. */
	public static final String ADMIN = "admin";

	/**
	 * The clients allowed everything: {@code ./pizza} alone (the dashboard, which shows
	 * it all, may only look: see {@link Acls}).
	 */
	public static final List<String> ADMINS = List.of(ADMIN);

	/** The clients that get a certificate, by principal; the makers share one. */
	public static final List<String> CLIENTS = List.of("order-service", "pizza-maker-service", "billing-service",
			"delivery-tracker-service", "dashboard", "kafka-connect", ADMIN);

	/**
	 * Maps a certificate's subject, {@code CN=billing-service,OU=...}, to
	 * {@code billing-service}.
	 */
	static final String PRINCIPAL_MAPPING = "RULE:^CN=([^,]+),.*$/$1/,DEFAULT";

	private final Path folder;

	public TlsMaterial(Path folder) {
		this.folder = folder;
	}

	public Path folder() {
		return this.folder;
	}

	/**
	 * A broker's or client's own folder: its certificate and key and the CA's
	 * certificate, all it may read.
	 * @param principal the broker's or client's name
	 * @return the folder
	 */
	public Path folder(String principal) {
		return this.folder.resolve(principal);
	}

	/**
	 * Makes the CA and the certificates that are not there yet, a broker's valid for
	 * {@code localhost} and for its own name (its host name in docker compose).
	 * @param brokers the brokers' names
	 */
	public void prepare(List<String> brokers) {
		SharedLayout.forget(this.folder);
		CertificateAuthority authority = CertificateAuthority.in(this.folder.resolve("ca"), "Pizza Kafka CA");
		for (String broker : brokers) {
			authority.issue(broker, List.of("localhost", broker, "127.0.0.1"), folder(broker));
		}
		for (String client : CLIENTS) {
			authority.issue(client, List.of(), folder(client));
		}
	}

	/**
	 * A broker's TLS and authorization settings: every listener TLS with client
	 * certificates required, ACLs by Kafka's {@code StandardAuthorizer}, nothing allowed
	 * that no ACL allows, the brokers and the {@link #ADMINS} super users.
	 * @param broker the broker's name
	 * @param brokers every broker's name
	 * @return its settings, in order
	 */
	public Map<String, String> brokerSettings(String broker, List<String> brokers) {
		Map<String, String> settings = keyStoreSettings(broker);
		settings.put("ssl.client.auth", "required");
		settings.put("ssl.principal.mapping.rules", PRINCIPAL_MAPPING);
		settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		settings.put("allow.everyone.if.no.acl.found", "false");
		settings.put("super.users",
				Stream.concat(brokers.stream(), ADMINS.stream())
					.map((name) -> "User:" + name)
					.collect(Collectors.joining(";")));
		return settings;
	}

	/**
	 * A Kafka client's settings for TLS with the certificate of a principal.
	 * @param principal the certificate's name
	 * @return the settings
	 */
	public Map<String, String> clientSettings(String principal) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("security.protocol", "SSL");
		settings.putAll(keyStoreSettings(principal));
		return settings;
	}

	private Map<String, String> keyStoreSettings(String name) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("ssl.keystore.type", "PEM");
		settings.put("ssl.keystore.location", folder(name).resolve(name + ".pem").toString());
		settings.put("ssl.truststore.type", "PEM");
		settings.put("ssl.truststore.location", folder(name).resolve("ca.crt").toString());
		return settings;
	}

}
