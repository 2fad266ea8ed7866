package io.pizza.platform.connect;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.Polling;

/**
 * The worker asked once it is ready: until it has joined its group and read its configs,
 * its REST API answers, but with an error (409 while it rebalances).
 */
final class ReadyWorker {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final ConnectRest rest;

	ReadyWorker(ConnectRest rest) {
		this.rest = rest;
	}

	List<String> connectors(Instance worker) {
		AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
		Polling.until(READY_TIMEOUT, Duration.ofMillis(500),
				() -> answer.updateAndGet((previous) -> this.rest.get(worker, "/connectors")).statusCode() == 200,
				() -> "Kafka Connect is not ready after " + READY_TIMEOUT.toSeconds() + " s (HTTP "
						+ answer.get().statusCode() + "): " + answer.get().body());
		List<String> names = new ArrayList<>();
		ConnectJson.MAPPER.readTree(answer.get().body()).forEach((name) -> names.add(name.asString()));
		return names;
	}

}
