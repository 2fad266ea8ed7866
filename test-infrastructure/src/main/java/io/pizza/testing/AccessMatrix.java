package io.pizza.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's endpoints against every role, as its access test states them: each row an
 * endpoint, each column who asks (nobody, a customer, a courier on its own path and on
 * another's, staff, an admin), each cell what it gets: let through (whatever the endpoint
 * then answers), {@code 401} or {@code 403}. {@link #coversEveryEndpoint} fails when the
 * service has an endpoint the table does not name, so that none is added without a rule.
 */
public final class AccessMatrix {

	/**
	 * An endpoint, a request to it, and what each one who asks gets.
	 *
	 * @param method the HTTP method
	 * @param pattern the endpoint's path pattern, as the service maps it
	 * @param path the path a request is sent to
	 * @param body the JSON body sent, or {@code null}
	 * @param expected what each gets
	 */
	public record Endpoint(String method, String pattern, String path, String body, Map<Who, Outcome> expected) {

		/**
		 * The same endpoint, asked at another path (a pattern's variables filled in).
		 * @return the endpoint
		 */
		public Endpoint at(String path) {
			return new Endpoint(this.method, this.pattern, path, this.body, this.expected);
		}

		/**
		 * The same endpoint, sent a body.
		 * @param json the body
		 * @return the endpoint
		 */
		public Endpoint with(String json) {
			return new Endpoint(this.method, this.pattern, this.path, json, this.expected);
		}

	}

	private AccessMatrix() {
	}

	/** Open to anyone. */
	public static Endpoint open(String method, String pattern) {
		return endpoint(method, pattern, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED,
				Outcome.ALLOWED);
	}

	/** For staff and admins. */
	public static Endpoint staff(String method, String pattern) {
		return endpoint(method, pattern, Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.ALLOWED,
				Outcome.ALLOWED);
	}

	/** For admins alone. */
	public static Endpoint admin(String method, String pattern) {
		return endpoint(method, pattern, Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
				Outcome.ALLOWED);
	}

	/** For nobody. */
	public static Endpoint denied(String method, String pattern) {
		return endpoint(method, pattern, Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
				Outcome.FORBIDDEN);
	}

	/**
	 * For the courier the path names alone: asked at {@code bike-7}'s path, which
	 * {@link Who#COURIER} is and {@link Who#OTHER_COURIER} is not.
	 */
	public static Endpoint ownCourier(String method, String pattern) {
		Endpoint endpoint = endpoint(method, pattern, Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.ALLOWED,
				Outcome.FORBIDDEN, Outcome.FORBIDDEN);
		endpoint.expected().put(Who.OTHER_COURIER, Outcome.FORBIDDEN);
		return endpoint;
	}

	/**
	 * What every service has: its health check, metrics, API docs and error page.
	 * @return their rows
	 */
	public static List<Endpoint> common() {
		return List.of(open("GET", "/actuator/health"), staff("GET", "/actuator/prometheus"),
				denied("GET", "/actuator/env"), open("GET", "/v3/api-docs"), open("GET", "/v3/api-docs.yaml"),
				open("GET", "/v3/api-docs/swagger-config"), open("GET", "/swagger-ui.html"),
				open("*", "/error").at("/error"));
	}

	private static Endpoint endpoint(String method, String pattern, Outcome anonymous, Outcome customer,
			Outcome courier, Outcome staff, Outcome admin) {
		Map<Who, Outcome> expected = new LinkedHashMap<>();
		expected.put(Who.ANONYMOUS, anonymous);
		expected.put(Who.CUSTOMER, customer);
		expected.put(Who.COURIER, courier);
		expected.put(Who.OTHER_COURIER, courier);
		expected.put(Who.STAFF, staff);
		expected.put(Who.ADMIN, admin);
		return new Endpoint(method, pattern, pattern, null, expected);
	}

	/**
	 * Fails unless the table names every endpoint the service maps.
	 * @param context the service
	 * @param table the service's table
	 */
	public static void coversEveryEndpoint(ApplicationContext context, List<Endpoint> table) {
		Set<String> mapped = new TreeSet<>();
		context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.forEach((info) -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						mapped.add("* " + pattern);
					}
					methods.forEach((method) -> mapped.add(method.name() + " " + pattern));
				}
			});
		Set<String> named = new TreeSet<>();
		table.forEach((endpoint) -> named.add(endpoint.method() + " " + endpoint.pattern()));
		assertThat(named).as("endpoints in the access table").containsAll(mapped);
	}

	/**
	 * Sends every row's request as every one who asks, and fails on the first cell that
	 * is not what the table says.
	 * @param table the service's table
	 * @param client how requests reach the service
	 * @throws Exception if a request cannot be sent
	 */
	public static void check(List<Endpoint> table, AccessClient client) throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : table) {
			String method = endpoint.method().equals("*") ? "GET" : endpoint.method();
			for (Map.Entry<Who, Outcome> cell : endpoint.expected().entrySet()) {
				int status = client.send(method, endpoint.path(), endpoint.body(), cell.getKey().authorization());
				Outcome outcome = switch (status) {
					case 401 -> Outcome.UNAUTHORIZED;
					case 403 -> Outcome.FORBIDDEN;
					default -> Outcome.ALLOWED;
				};
				if (outcome != cell.getValue()) {
					wrong.add(method + " " + endpoint.path() + " as " + cell.getKey() + ": " + status + ", expected "
							+ cell.getValue());
				}
			}
		}
		assertThat(wrong).as("answers unlike the access table").isEmpty();
	}

}
