package io.pizza.platform.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A quick {@code GET} to a process of the platform over plain HTTP, for the questions the
 * CLI asks at each command (is it up?). {@link HttpURLConnection} answers its first
 * request in a quarter of the time {@code java.net.http}'s client takes to be built,
 * which sets up TLS whether or not it is used: a quarter of a second of
 * {@code ./pizza status}.
 */
public final class LocalHttp {

	private LocalHttp() {
	}

	/**
	 * Asks.
	 * @param uri what to get
	 * @param headers the request's headers
	 * @param timeout how long connecting, then reading, may each take
	 * @return the answer; empty when none came
	 */
	public static Optional<Answer> get(URI uri, Map<String, String> headers, Duration timeout) {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			try {
				connection.setConnectTimeout((int) timeout.toMillis());
				connection.setReadTimeout((int) timeout.toMillis());
				headers.forEach(connection::setRequestProperty);
				int status = connection.getResponseCode();
				InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
				return Optional.of(new Answer(status,
						(body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : ""));
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What the local server answered, its body read whole.
	 *
	 * @param status its HTTP status
	 */
	public record Answer(int status, String body) {
	}

}
