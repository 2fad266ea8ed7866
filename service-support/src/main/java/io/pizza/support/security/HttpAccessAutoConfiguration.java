package io.pizza.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Every service's HTTP security, one way: its users ({@link HttpUsers}), HTTP Basic over
 * a stateless API, a login form where people look at pages, the health check and API docs
 * open, metrics for staff and admins, then the service's own {@link AccessRules}, and
 * everything else denied.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(HttpAccessProperties.class)
public class HttpAccessAutoConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new RandomSecretEncoder();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new AccessProblems();
	}

	@Bean
	InMemoryUserDetailsManager httpUsers(HttpAccessProperties properties) {
		return new InMemoryUserDetailsManager(HttpUsers.parse(properties.users()));
	}

	@Bean
	SecurityFilterChain accessFilterChain(HttpSecurity http, HttpAccessProperties properties,
			ObjectProvider<AccessRules> rules) throws Exception {
		AccessProblems problems = new AccessProblems();
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
				.hasAnyRole(Roles.STAFF, Roles.ADMIN)
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll();
			rules.orderedStream().forEach((rule) -> rule.grant(requests));
			requests.anyRequest().denyAll();
		}).httpBasic((basic) -> basic.realmName(AccessProblems.REALM).authenticationEntryPoint(problems));
		if (properties.browserLogin()) {
			forPeople(http, problems);
		}
		else {
			forPrograms(http, problems);
		}
		return http.build();
	}

	// a person's browser asking for a page goes to the login form (Spring Security's own,
	// which it only makes while no entry point is forced on every request), anything else
	// gets a 401; the session the form opens is what a forged request would ride on, so
	// requests with its cookie need the CSRF token
	private static void forPeople(HttpSecurity http, AccessProblems problems) throws Exception {
		// only a page asked for is kept, to go back to after the login: a program's 401
		// opens no session
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(AccessProblems::wantsPage);
		http.formLogin(Customizer.withDefaults())
			.requestCache((cache) -> cache.requestCache(pages))
			.exceptionHandling((handling) -> handling
				.defaultAuthenticationEntryPointFor(problems, (request) -> !AccessProblems.wantsPage(request))
				.accessDeniedHandler(problems))
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getRequestedSessionId() == null
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null));
	}

	// an API: credentials on every request, no session, no cookie to forge a request with
	private static void forPrograms(HttpSecurity http, AccessProblems problems) throws Exception {
		http.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
	}

}
