package io.pizza.delivery.tracking;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who reads a stream, as its limits count them: an anonymous client by its address; a
 * signed-in user (staff, a courier) by its name at its address, with a share of the
 * streams anonymous clients cannot take.
 *
 * @param name what its streams are counted by
 * @param signedIn whether it gave credentials
 */
record Viewer(String name, boolean signedIn) {

	static Viewer of(HttpServletRequest request) {
		Principal user = request.getUserPrincipal();
		return (user != null) ? new Viewer(user.getName() + "@" + request.getRemoteAddr(), true)
				: new Viewer(request.getRemoteAddr(), false);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
