package io.pizza.platform.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.LocalHttp;
import io.pizza.platform.system.PlatformException;

/**
 * Requests to the Connect worker's REST API on this machine, with its login.
 */
final class ConnectRest {

	private final PlatformSettings settings;

	ConnectRest(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * Whether the worker's REST API answers.
	 * @return whether its root answers 200
	 */
	boolean answers(Instance worker) {
		Map<String, String> headers = Map.of("Authorization",
				this.settings.secrets().connectRestLogin().authorization());
		return LocalHttp.get(uri(worker, "/"), headers, Duration.ofSeconds(5))
			.filter((answer) -> answer.status() == 200)
			.isPresent();
	}

	HttpResponse<String> get(Instance worker, String path) {
		return send(HttpRequest.newBuilder(uri(worker, path)).timeout(Duration.ofSeconds(5)).build());
	}

	HttpResponse<String> send(HttpRequest request) {
		HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
			.header("Authorization", this.settings.secrets().connectRestLogin().authorization())
			.build();
		try {
			return Client.HTTP.send(authorized, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException("Kafka Connect does not answer at " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted", ex);
		}
	}

	static URI uri(Instance worker, String path) {
		return URI.create("http://localhost:" + worker.port() + path);
	}

	// built at the first request that needs it, not by every command that only asks
	// whether the worker is up (LocalHttp)
	private static final class Client {

		static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	}

}
