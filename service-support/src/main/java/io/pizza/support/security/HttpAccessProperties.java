package io.pizza.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the service over HTTP.
 *
 * @param users the users, one per line as {@code name ROLE sha256-of-password}: none, and
 * only what is open to anyone can be used
 * @param browserLogin whether people look at pages of this service: a login form for them
 * (and a session), besides HTTP Basic for programs
 * @param password this service's own password when it calls another service, as the user
 * named as the service ({@code spring.application.name}); none if it calls none
 */
@ConfigurationProperties("pizza.http")
public record HttpAccessProperties(String users, boolean browserLogin, String password) {

	public HttpAccessProperties {
		users = (users != null) ? users : "";
		password = (password != null) ? password : "";
	}

}
