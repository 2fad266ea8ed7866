package io.pizza.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * How an {@link AccessMatrix}'s requests reach a service: sends one request as one who
 * asks, answering its status.
 */
@FunctionalInterface
public interface AccessClient {

	int send(String method, String path, String body, String authorization) throws Exception;

	/**
	 * Requests over HTTP to a running service, each asking for JSON: a stream of events
	 * is refused ({@code 406}) once let through rather than opened, so that no request
	 * waits on an answer that never ends, and no stream outlives the test.
	 * @param service the service's address, such as {@code http://localhost:8084}
	 * @return the client
	 */
	static AccessClient over(String service) {
		HttpClient http = HttpClient.newHttpClient();
		return (method, path, body, authorization) -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path))
				.timeout(Duration.ofSeconds(10))
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
			if (authorization != null) {
				request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			if (body != null) {
				request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			}
			return http.send(request.build(), BodyHandlers.discarding()).statusCode();
		};
	}

	/**
	 * Requests through the service's {@link MockMvcTester}, its security filters in
	 * place.
	 * @param mvc the service's
	 * @return the client
	 */
	static AccessClient through(MockMvcTester mvc) {
		return (method, path, body, authorization) -> {
			MockMvcTester.MockMvcRequestBuilder request = mvc.method(HttpMethod.valueOf(method)).uri(path);
			if (authorization != null) {
				request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(body);
			}
			return request.exchange().getResponse().getStatus();
		};
	}

}
