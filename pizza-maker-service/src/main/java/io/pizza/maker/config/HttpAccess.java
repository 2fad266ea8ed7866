package io.pizza.maker.config;

import io.pizza.support.security.AccessRules;
import io.pizza.support.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use a pizza maker: what its kitchen is baking is for staff and admins.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccess {

	@Bean
	AccessRules kitchenAccess() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/kitchen").hasAnyRole(Roles.STAFF, Roles.ADMIN);
	}

}
