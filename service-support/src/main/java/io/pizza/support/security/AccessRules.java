package io.pizza.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own rules: who may call each of its endpoints. Declared as a bean by each
 * service; what no rule grants is denied, so an endpoint added without a rule answers
 * {@code 401}/{@code 403} to everyone until it gets one (and each service's access test
 * fails on it).
 */
@FunctionalInterface
public interface AccessRules {

	/**
	 * Grants access to the service's endpoints.
	 * @param requests the rules so far: the health check, metrics and API docs are there
	 */
	void grant(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
