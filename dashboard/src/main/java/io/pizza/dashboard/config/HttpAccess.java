package io.pizza.dashboard.config;

import io.pizza.support.security.AccessRules;
import io.pizza.support.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the dashboard: the cluster, the groups and the shops' totals are for staff
 * and admins, who log in with the form the page sends them to.
 */
@Configuration(proxyBeanMethods = false)
class HttpAccess {

	@Bean
	AccessRules dashboardAccess() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/dashboard.js", "/dashboard.css")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/api/dashboard", "/api/dashboard/stream")
			.hasAnyRole(Roles.STAFF, Roles.ADMIN);
	}

}
