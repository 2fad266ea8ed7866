package io.pizza.support.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.pizza.support.security.AccessRules;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A URL Tomcat refuses before Spring sees it is answered as a problem detail, as an error
 * Spring raises is, not with Tomcat's HTML page.
 */
@SpringBootTest(classes = ContainerErrorsTests.Echo.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.mvc.problemdetails.enabled=true")
class ContainerErrorsTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aUrlTomcatCannotDecodeIsAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/orders/%00");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.body()).contains("\"status\":400", "\"title\":\"Bad Request\"").doesNotContain("%00");
	}

	@Test
	void whatSpringAnswersIsUnchanged() throws Exception {
		assertThat(get("/orders/42").body()).isEqualTo("42");
		HttpResponse<String> missing = get("/nowhere");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class Echo {

		@GetMapping("/orders/{id}")
		String order(@PathVariable String id) {
			return id;
		}

		@Bean
		AccessRules openToAnyone() {
			return (requests) -> requests.requestMatchers("/orders/*", "/nowhere").permitAll();
		}

	}

}
