package io.pizza.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot services: each instance its own JVM with a bounded heap, configured
 * through environment variables as a container would be.
 */
public final class Services {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final PlatformSettings settings;

	private final Processes processes;

	public Services(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * Starts one service instance.
	 * @param service the instance
	 */
	public void start(Instance service) {
		Path jar = jar(service);
		if (!Files.isRegularFile(jar)) {
			throw new PlatformException(jar + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		List<String> command = List.of(Processes.java(), "-Xms" + service.heap(), "-Xmx" + service.heap(),
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=160m", "-Xss512k",
				Processes.MARKER + service.name(), "-jar", jar.toString());
		this.processes.start(service, command, environment(service));
	}

	private Map<String, String> environment(Instance service) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("INSTANCE_ID", service.name());
		environment.put("SERVER_PORT", String.valueOf(service.port()));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.settings.bootstrapServers());
		environment.put("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://localhost:" + this.settings.postgresPort() + "/" + database(service));
		environment.putAll(this.settings.environment(service));
		return environment;
	}

	private static String database(Instance service) {
		return switch (service.module()) {
			case "billing-service" -> "billing";
			default -> "orders";
		};
	}

	private Path jar(Instance service) {
		return this.settings.root().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	/**
	 * Asks a service instance for its health.
	 * @param service the instance
	 * @return {@code UP}, {@code DOWN} or another status, or {@code -} when it does not
	 * answer
	 */
	public static String health(Instance service) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + service.port() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher status = STATUS.matcher(body);
			return status.find() ? status.group(1) : "?";
		}
		catch (IOException ex) {
			return "-";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "-";
		}
	}

}
