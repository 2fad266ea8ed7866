package io.pizza.dashboard.flow;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * totals, the orders the makers of a share group hold. A service that does not answer is
 * shown as such, never made up.
 */
@Component
public class ServiceEndpoints {

	private final RestClient orderService;

	private final RestClient billingService;

	private final List<RestClient> makers;

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
		// and so are the makers' kitchens
		this.makers = properties.makers()
			.stream()
			.map((maker) -> RestClient.builder()
				.requestFactory(requests)
				.baseUrl(maker.toString())
				.defaultHeaders((headers) -> headers.setBasicAuth(name, access.password()))
				.build())
			.toList();
	}

	/**
	 * The orders the makers hold as members of a share group, each with its delivery
	 * count: what the brokers know of records in flight but do not tell.
	 * @return the orders of every maker that answers, by maker
	 */
	public List<InHand> inFlight() {
		List<InHand> inFlight = new ArrayList<>();
		for (RestClient maker : this.makers) {
			try {
				Kitchen kitchen = maker.get().uri("/kitchen").retrieve().body(Kitchen.class);
				if (kitchen != null && kitchen.inHand() != null) {
					inFlight.addAll(kitchen.inHand());
				}
			}
			catch (RestClientException ex) {
				// a maker that is down holds nothing: the brokers give its orders to
				// others
			}
		}
		inFlight.sort(Comparator.comparing(InHand::maker));
		return inFlight;
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

	record Kitchen(List<InHand> inHand) {
	}

	/**
	 * An order a maker holds, locked for it by the brokers.
	 *
	 * @param maker who holds it: the instance and its thread
	 * @param where its record, such as {@code pizza-orders-3@1042}
	 * @param delivery how many times the brokers delivered it, this time included
	 * @param since when the maker took it
	 */
	public record InHand(String maker, String where, String orderId, int delivery, Instant since) {
	}

}
