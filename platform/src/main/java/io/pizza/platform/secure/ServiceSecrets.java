package io.pizza.platform.secure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Secrets a service's instances share and nobody else knows, made on the first {@code up}
 * into the service's own folder, one file per property as its config tree reads it:
 * order-service's key for its order ids (an HMAC of a client's idempotency key under it,
 * so no client can compute another's order id).
 */
public final class ServiceSecrets {

	private static final Map<String, List<String>> SECRETS = Map.of("order-service",
			List.of("order-service.order-id-key"));

	private final Path folder;

	public ServiceSecrets(Path folder) {
		this.folder = folder;
	}

	/**
	 * The secrets each service has.
	 * @return services to the properties of their secrets
	 */
	public static Map<String, List<String>> all() {
		return SECRETS;
	}

	/**
	 * Makes a service's secrets that are not there yet, in its own folder.
	 * @param service the service's name
	 */
	public void prepare(String service) {
		for (String property : SECRETS.getOrDefault(service, List.of())) {
			Path file = this.folder.resolve(service).resolve(property);
			if (!Files.exists(file)) {
				PrivateFiles.writeSecret(file, random());
			}
		}
	}

	// 256 random bits, URL-safe: an HMAC-SHA256 key at full strength
	private static String random() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
