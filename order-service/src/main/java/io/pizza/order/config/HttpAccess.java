package io.pizza.order.config;

import io.pizza.support.security.AccessRules;
import io.pizza.support.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use order-service: anyone may read the menu, place an order and read an order
 * whose id they hold (unguessable: only its customer has it); listing every order, with
 * every customer's name, phone and address, is for staff and admins.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccess {

	@Bean
	AccessRules orderServiceAccess() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/menu", "/orders/{orderId}")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/orders")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/orders")
			.hasAnyRole(Roles.STAFF, Roles.ADMIN);
	}

}
