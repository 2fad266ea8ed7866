package io.pizza.platform.services;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.LocalHttp;

/**
 * A service instance's health, as its actuator tells it.
 */
public final class ServiceHealth {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	private ServiceHealth() {
	}

	/**
	 * Asks a service instance for its health.
	 * @param service the instance
	 * @return {@code UP}, {@code DOWN} or another status, or {@code -} when it does not
	 * answer
	 */
	public static String of(Instance service) {
		return LocalHttp
			.get(URI.create("http://localhost:" + service.port() + "/actuator/health"), Map.of(), Duration.ofSeconds(2))
			.map((answer) -> {
				Matcher status = STATUS.matcher(answer.body());
				return status.find() ? status.group(1) : "?";
			})
			.orElse("-");
	}

}
