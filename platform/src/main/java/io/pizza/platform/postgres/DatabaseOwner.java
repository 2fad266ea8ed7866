package io.pizza.platform.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pizza.platform.secure.DatabaseLogins;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A service's database, owned by the service's role and by nobody else: the role logs in
 * with its password and nothing more (no superuser, no other database), the database is
 * created for it or handed over to it with every table an earlier superuser made, and
 * nobody else may connect to it. Idempotent: run on every start, it also sets the role's
 * password to the one in the role's folder.
 */
final class DatabaseOwner {

	private final EmbeddedPostgres postgres;

	private final String database;

	private final String role;

	DatabaseOwner(EmbeddedPostgres postgres, String database, String role) {
		this.postgres = postgres;
		this.database = database;
		this.role = role;
	}

	void establish(String password) throws SQLException {
		if (!password.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("A password of unexpected characters for " + this.role);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", this.role) ? "ALTER"
					: "CREATE";
			statement.execute(verb + " ROLE " + quoted(this.role)
					+ " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
			if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", this.database)) {
				statement.execute("ALTER DATABASE " + quoted(this.database) + " OWNER TO " + quoted(this.role));
			}
			else {
				statement.execute("CREATE DATABASE " + quoted(this.database) + " OWNER " + quoted(this.role));
			}
			statement.execute("REVOKE ALL ON DATABASE " + quoted(this.database) + " FROM PUBLIC");
		}
		handOverObjects();
	}

	// tables made by the superuser, before the database had an owner of its own: the
	// owner's now, their sequences with them
	private void handOverObjects() throws SQLException {
		try (Connection connection = this.postgres.getDatabase(DatabaseLogins.SUPERUSER, this.database).getConnection();
				Statement statement = connection.createStatement()) {
			for (String kind : List.of("TABLE", "VIEW", "SEQUENCE")) {
				for (String name : notOwned(connection, kind)) {
					statement.execute("ALTER " + kind + " public." + quoted(name) + " OWNER TO " + quoted(this.role));
				}
			}
		}
	}

	private List<String> notOwned(Connection connection, String kind) throws SQLException {
		String kinds = switch (kind) {
			case "TABLE" -> "'r', 'p'";
			case "VIEW" -> "'v'";
			default -> "'S'";
		};
		List<String> names = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT c.relname FROM pg_class c"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN (" + kinds
				+ ") AND pg_get_userbyid(c.relowner) <> ?")) {
			query.setString(1, this.role);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
