package io.pizza.delivery.config;

import io.pizza.support.security.AccessRules;
import io.pizza.support.security.OwnPath;
import io.pizza.support.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the tracker: anyone may follow a delivery whose order id they hold
 * (unguessable: only its customer has it) and see the city; every delivery at once, on
 * the map or as a stream, is for staff and admins (it would hand out every order's id); a
 * courier reports its own positions alone.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccess {

	@Bean
	AccessRules trackerAccess() {
		// every delivery's paths before one delivery's: /deliveries/positions is not an
		// order id
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/deliveries", "/deliveries/positions")
			.hasAnyRole(Roles.STAFF, Roles.ADMIN)
			.requestMatchers(HttpMethod.GET, "/map.js", "/map.css", "/city", "/deliveries/{orderId}",
					"/deliveries/{orderId}/positions")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/couriers/{courierId}/positions")
			.access(OwnPath.of(Roles.COURIER, "courierId"));
	}

}
