package io.pizza.delivery.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.pizza.testing.TestUser;

/**
 * Plain HTTP calls that expect a 2xx answer and return its body.
 */
final class Http {

	private static final HttpClient client = HttpClient.newHttpClient();

	private Http() {
	}

	static String get(URI uri) {
		return send(HttpRequest.newBuilder(uri).build());
	}

	static String post(URI uri, String json, TestUser user) {
		return send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("Authorization", user.basic())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static String send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
						+ ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
