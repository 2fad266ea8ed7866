package io.pizza.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The users a service knows, one per line as {@code name ROLE sha256-of-password}, as
 * {@code ./pizza} and docker compose write them into each service's secrets
 * ({@code pizza.http.users}). Blank lines and {@code #} comments are skipped; a line of
 * another shape stops the service at start, rather than leave a user out unnoticed.
 */
final class HttpUsers {

	private HttpUsers() {
	}

	static List<UserDetails> parse(String lines) {
		List<UserDetails> users = new ArrayList<>();
		for (String line : lines.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] fields = trimmed.split("\\s+");
			if (fields.length != 3 || !Arrays.asList(Roles.ALL).contains(fields[1])
					|| !fields[2].matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException(
						"pizza.http.users: a line is not 'name ROLE sha256-hex' (user " + fields[0] + ")");
			}
			users.add(User.withUsername(fields[0]).password(fields[2]).roles(fields[1]).build());
		}
		return users;
	}

}
