package io.pizza.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.pizza.platform.Platform;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.PlatformSettings;

/**
 * The whole system started the way {@code ./pizza up} starts it, on ports of its own so
 * that it can run beside a developer's system, with its state and logs in the build
 * folder.
 */
final class SystemUnderTest {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path STATE = ROOT.resolve("system-tests/target/pizza");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private SystemUnderTest() {
	}

	static Platform platform() {
		return platform(false, false);
	}

	static Platform platform(boolean secure) {
		return platform(secure, false);
	}

	/**
	 * The system in plaintext or in secure mode, on this machine's loopback or on its own
	 * network, whatever it ran in last.
	 * @param secure TLS with client certificates and ACLs, as {@code ./pizza up --secure}
	 * @param ownNetwork each part in a network namespace, as
	 * {@code ./pizza up --network}: namespaces and addresses of their own, apart from a
	 * user's platform
	 * @return the platform
	 */
	static Platform platform(boolean secure, boolean ownNetwork) {
		return platform(secure, ownNetwork, new Properties());
	}

	/**
	 * The system in plaintext on this machine's loopback, with settings of a test's own.
	 * @param settings settings beside the system's, such as {@code kitchen=queue}
	 * @return the platform
	 */
	static Platform platform(Properties settings) {
		return platform(false, false, settings);
	}

	private static Platform platform(boolean secure, boolean ownNetwork, Properties settings) {
		Properties ports = new Properties();
		// the makers as a consumer group unless a test says otherwise
		ports.setProperty("kitchen", "group");
		ports.setProperty("mode", secure ? "secure" : "plaintext");
		ports.setProperty("network", ownNetwork ? "own" : "loopback");
		ports.setProperty("network.subnet", "10.78.0.0/24");
		ports.setProperty("network.name", "pzt");
		ports.setProperty("state-dir", ROOT.relativize(STATE).toString());
		ports.setProperty("kafka.ports", "29092,29093,29094");
		ports.setProperty("kafka.controller-ports", "29192,29193,29194");
		ports.setProperty("postgres.port", "25432");
		ports.setProperty("order-service.port", "28080");
		ports.setProperty("pizza-maker-1.port", "28081");
		ports.setProperty("pizza-maker-2.port", "28082");
		ports.setProperty("billing-service.port", "28083");
		ports.setProperty("delivery-tracker-service.port", "28084");
		ports.setProperty("dashboard.port", "28085");
		ports.setProperty("kafka-connect.port", "28086");
		ports.setProperty("zipkin.port", "29411");
		ports.setProperty("startup-timeout", "PT3M");
		// couriers ride for 4 s instead of a minute, so that an order is delivered soon
		ports.setProperty("delivery-tracker-service.env.DELIVERY_TRACKER_SERVICE_COURIER_TRIP", "4s");
		ports.putAll(settings);
		return new Platform(PlatformSettings.load(ROOT, ports), (line) -> System.out.println("[platform] " + line));
	}

	static void wipeState() {
		if (!Files.exists(STATE)) {
			return;
		}
		// the class data sharing archives stay: they belong to the build, not to the
		// state
		Path archives = STATE.resolve("cds");
		try (Stream<Path> files = Files.walk(STATE)) {
			files.filter((file) -> !file.startsWith(archives))
				.sorted(Comparator.reverseOrder())
				.forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
		return post(port, path, json, Map.of());
	}

	static HttpResponse<String> post(int port, String path, String json, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A {@code GET} as the platform's admin, as {@code ./pizza} asks.
	 * @param port the service's port
	 * @param path what to get
	 * @return the answer's body
	 */
	static String get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", admin())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * The {@code Authorization} header of the platform's admin.
	 * @return its value
	 */
	static String admin() {
		return new HttpLogins(STATE.resolve("secrets")).authorization(HttpLogins.ADMIN);
	}

	static Connection database(Platform platform, String name) throws SQLException {
		String owner = DatabaseLogins.owners().get(name);
		return DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + platform.settings().postgresPort() + "/" + name, owner,
				platform.settings().secrets().databaseLogins().password(owner));
	}

}
