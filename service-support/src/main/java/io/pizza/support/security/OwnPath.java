package io.pizza.support.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Allows a user of one role onto the paths named after that user alone: a courier to
 * {@code /couriers/{courierId}/...} where {@code courierId} is its own name.
 */
public final class OwnPath implements AuthorizationManager<RequestAuthorizationContext> {

	private final String role;

	private final String variable;

	private OwnPath(String role, String variable) {
		this.role = role;
		this.variable = variable;
	}

	/**
	 * A user of {@code role} whose name is the path's {@code variable}.
	 * @param variable the path variable that names the user
	 * @return the rule
	 */
	public static OwnPath of(String role, String variable) {
		return new OwnPath(role, variable);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication who = authentication.get();
		boolean allowed = who != null && who.isAuthenticated()
				&& who.getAuthorities()
					.stream()
					.anyMatch((granted) -> ("ROLE_" + this.role).equals(granted.getAuthority()))
				&& who.getName().equals(context.getVariables().get(this.variable));
		return new AuthorizationDecision(allowed);
	}

}
