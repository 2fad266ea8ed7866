package io.pizza.platform.secure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLoginsTests {

	@TempDir
	Path folder;

	@Test
	void aServiceIsGivenEveryUsersRoleAndDigestButNoPassword() throws IOException {
		HttpLogins logins = new HttpLogins(this.folder);
		Path service = logins.prepare("billing-service");
		String users = Files.readString(service.resolve(HttpLogins.USERS_FILE));
		assertThat(users.lines()).hasSize(HttpLogins.users().size());
		HttpLogins.users().forEach((user, role) -> {
			String password = logins.password(user);
			assertThat(users).contains(user + " " + role + " " + HttpLogins.sha256(password) + "\n")
				.doesNotContain(password);
		});
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.resolve(HttpLogins.USERS_FILE))))
			.isEqualTo("rw-------");
		try (var files = Files.list(service)) {
			assertThat(files).containsExactly(service.resolve(HttpLogins.USERS_FILE));
		}
	}

	@Test
	void eachUserHasAPasswordOfItsOwnKeptOnceMade() {
		HttpLogins logins = new HttpLogins(this.folder);
		String staff = logins.password("staff");
		assertThat(staff).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(logins.password(HttpLogins.ADMIN));
		assertThat(new HttpLogins(this.folder).password("staff")).isEqualTo(staff);
		assertThat(logins.authorization("staff")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString(("staff:" + staff).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theDashboardsFolderHoldsItsOwnPasswordForTheServicesItAsks() {
		HttpLogins logins = new HttpLogins(this.folder);
		Path dashboard = logins.prepare("dashboard");
		assertThat(dashboard.resolve(HttpLogins.PASSWORD_FILE)).hasContent(logins.password("dashboard"));
	}

}
