package io.pizza.platform.connect;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import tools.jackson.databind.JsonNode;

/**
 * The connectors of the Connect worker, through its REST API (as the secure mode's admin
 * when the platform runs secure): made from the files in
 * {@code kafka-connect/connectors/} ({@link ConnectorFiles}), their failed tasks
 * restarted, their states read; each once the worker is ready ({@link ReadyWorker}).
 */
public final class Connectors {

	private final PlatformSettings settings;

	private final ConnectRest rest;

	public Connectors(PlatformSettings settings) {
		this.settings = settings;
		this.rest = new ConnectRest(settings);
	}

	/**
	 * Whether the worker's REST API answers.
	 * @return {@code UP}, or {@code -} when it does not answer
	 */
	public String health(Instance worker) {
		return this.rest.answers(worker) ? "UP" : "-";
	}

	/**
	 * Creates, or updates, every connector of {@code kafka-connect/connectors/}, and
	 * restarts its failed tasks.
	 * @param onlyChanged leave the connectors the worker already has with the file's
	 * configuration as they are
	 * @return the names of the connectors created or updated
	 */
	public List<String> apply(Instance worker, boolean onlyChanged) {
		List<String> existing = names(worker);
		List<String> applied = new ArrayList<>();
		for (Path file : ConnectorFiles.in(this.settings.root())) {
			JsonNode connector = ConnectorFiles.read(file, ConnectJson.MAPPER);
			String name = connector.get("name").asString();
			if (onlyChanged && existing.contains(name) && sameConfig(worker, name, connector.get("config"))) {
				continue;
			}
			HttpRequest request = HttpRequest
				.newBuilder(ConnectRest.uri(worker,
						"/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/config"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers
					.ofString(ConnectJson.MAPPER.writeValueAsString(connector.get("config"))))
				.build();
			HttpResponse<String> response = this.rest.send(request);
			if (response.statusCode() != 200 && response.statusCode() != 201) {
				throw new PlatformException("Kafka Connect refused " + file.getFileName() + " (HTTP "
						+ response.statusCode() + "): " + response.body());
			}
			restartFailed(worker, name);
			applied.add(name);
		}
		return applied;
	}

	/**
	 * Restarts the failed tasks of every connector the worker has: a task that failed
	 * (its database away, say) stays failed until restarted, and reads on from its last
	 * committed offset.
	 */
	public void restartFailed(Instance worker) {
		names(worker).forEach((name) -> restartFailed(worker, name));
	}

	private void restartFailed(Instance worker, String name) {
		this.rest.send(HttpRequest
			.newBuilder(ConnectRest.uri(worker,
					"/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
							+ "/restart?includeTasks=true&onlyFailed=true"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/**
	 * Every connector the worker has, with its state and its tasks' states.
	 * @return the connectors, by name
	 */
	public List<ConnectorStatus> list(Instance worker) {
		HttpResponse<String> answer = this.rest.get(worker, "/connectors?expand=status");
		if (answer.statusCode() != 200) {
			throw new PlatformException(
					"Kafka Connect cannot tell yet (HTTP " + answer.statusCode() + "): " + answer.body());
		}
		JsonNode all = ConnectJson.MAPPER.readTree(answer.body());
		List<ConnectorStatus> connectors = new ArrayList<>();
		for (var entry : all.properties()) {
			JsonNode status = entry.getValue().get("status");
			List<String> tasks = new ArrayList<>();
			for (JsonNode task : status.get("tasks")) {
				tasks.add(task.get("state").asString());
			}
			connectors.add(new ConnectorStatus(entry.getKey(), status.get("connector").get("state").asString(), tasks,
					status.get("type").asString()));
		}
		return connectors;
	}

	// the worker keeps a connector's configuration as it was given, with its name added
	private boolean sameConfig(Instance worker, String name, JsonNode config) {
		HttpResponse<String> answer = this.rest.get(worker,
				"/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/config");
		if (answer.statusCode() != 200) {
			return false;
		}
		JsonNode stored = ConnectJson.MAPPER.readTree(answer.body());
		Map<String, String> wanted = new TreeMap<>();
		config.properties().forEach((entry) -> wanted.put(entry.getKey(), entry.getValue().asString()));
		wanted.put("name", name);
		Map<String, String> has = new TreeMap<>();
		stored.properties().forEach((entry) -> has.put(entry.getKey(), entry.getValue().asString()));
		return wanted.equals(has);
	}

	private List<String> names(Instance worker) {
		return new ReadyWorker(this.rest).connectors(worker);
	}

}
