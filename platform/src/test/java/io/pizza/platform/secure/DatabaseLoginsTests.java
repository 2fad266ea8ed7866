package io.pizza.platform.secure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLoginsTests {

	@TempDir
	Path folder;

	@Test
	void eachRoleGetsARandomPasswordInAFolderOfItsOwnThatOnlyItsOwnerReads() throws IOException {
		DatabaseLogins logins = new DatabaseLogins(this.folder.resolve("secrets"));
		logins.prepare();
		assertThat(permissions(this.folder.resolve("secrets"))).isEqualTo("rwx------");
		for (String role : DatabaseLogins.owners().values()) {
			Path file = logins.folder(role).resolve(DatabaseLogins.PASSWORD_FILE);
			try (var files = Files.list(logins.folder(role))) {
				assertThat(files).containsExactly(file);
			}
			assertThat(permissions(logins.folder(role))).isEqualTo("rwx------");
			assertThat(permissions(file)).isEqualTo("rw-------");
			assertThat(logins.password(role)).matches("[A-Za-z0-9_-]{24}")
				.isNotEqualTo(logins.password(DatabaseLogins.SUPERUSER));
		}
		assertThat(logins.password("order-service")).isNotEqualTo(logins.password("billing-service"));
	}

	@Test
	void aPasswordIsKeptOnceMade() {
		DatabaseLogins logins = new DatabaseLogins(this.folder);
		String first = logins.password("billing-service");
		logins.prepare();
		assertThat(new DatabaseLogins(this.folder).password("billing-service")).isEqualTo(first);
	}

	@Test
	void eachServicesDatabaseIsFoundByItsName() {
		assertThat(DatabaseLogins.databaseOf("order-service")).contains("orders");
		assertThat(DatabaseLogins.databaseOf("billing-service")).contains("billing");
		assertThat(DatabaseLogins.databaseOf("delivery-tracker-service")).isEmpty();
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
