package io.pizza.billing.config;

import io.pizza.support.security.AccessRules;
import io.pizza.support.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use billing-service: its bills and totals are the shops' business, for staff
 * and admins alone; rebuilding them from scratch is for admins.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccess {

	@Bean
	AccessRules billingAccess() {
		return (requests) -> requests.requestMatchers("/bills/rebuild")
			.hasRole(Roles.ADMIN)
			.requestMatchers(HttpMethod.GET, "/bills", "/bills/summary", "/bills/{orderId}")
			.hasAnyRole(Roles.STAFF, Roles.ADMIN);
	}

}
