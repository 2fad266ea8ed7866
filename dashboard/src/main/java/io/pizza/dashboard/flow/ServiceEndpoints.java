package io.pizza.dashboard.flow;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import io.pizza.dashboard.config.DashboardProperties;
import io.pizza.support.security.HttpAccessProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What the services tell about themselves over HTTP: order-service's shops, billing's
 * totals. A service that does not answer is shown as such, never made up.
 */
@Component
public class ServiceEndpoints {

	private final RestClient orderService;

	private final RestClient billingService;

	public ServiceEndpoints(DashboardProperties properties, HttpAccessProperties access,
			@Value("${spring.application.name}") String name) {
		// a service that is down must not hold the page up: answer fast or not at all
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.servicesTimeout()).build());
		requests.setReadTimeout(properties.servicesTimeout());
		this.orderService = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.orderService().toString())
			.build();
		// billing's totals are for staff: the dashboard asks as a user of its own
		this.billingService = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.billingService().toString())
			.defaultHeaders((headers) -> headers.setBasicAuth(name, access.password()))
			.build();
	}

	/**
	 * The shops on order-service's menu.
	 * @return the shops, none when order-service does not answer
	 */
	public List<String> shops() {
		try {
			Menu menu = this.orderService.get().uri("/menu").retrieve().body(Menu.class);
			return (menu != null && menu.shops() != null) ? menu.shops() : List.of();
		}
		catch (RestClientException ex) {
			return List.of();
		}
	}

	/**
	 * Billing's totals, as {@code GET /bills/summary} answers them.
	 * @return the totals, none when billing does not answer
	 */
	public @Nullable Map<String, Object> billing() {
		try {
			return this.billingService.get()
				.uri("/bills/summary")
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RestClientException ex) {
			return null;
		}
	}

	record Menu(List<String> shops) {
	}

}
