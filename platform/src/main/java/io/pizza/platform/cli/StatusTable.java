package io.pizza.platform.cli;

import java.util.List;

import io.pizza.platform.process.InstanceStatus;
import io.pizza.platform.secure.ConnectRestLogin;
import io.pizza.platform.secure.HttpLogins;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;

/**
 * Prints the instances as a table: what runs where.
 */
final class StatusTable {

	private static final String ROW = "%-26s %-9s %-8s %-6s %s %s%n";

	private StatusTable() {
	}

	static void print(List<InstanceStatus> statuses, PlatformSettings settings) {
		System.out.printf(ROW, "INSTANCE", "KIND", "PID", "PORT", pad("HEALTH"), "URL / ROLE");
		for (InstanceStatus status : statuses) {
			String health = status.healthy() ? Console.colour(pad(status.health()), "green")
					: Console.colour(pad(status.health()), status.running() ? "yellow" : "red");
			System.out.printf(ROW, status.instance().name(), status.instance().kind().name().toLowerCase(),
					status.running() ? status.pid() : "-", status.instance().port(), health, detail(status));
		}
		System.out.println();
		System.out.println("Kafka bootstrap servers: " + settings.bootstrapServers()
				+ (settings.modes().secure() ? " (secure mode: TLS with client certificates, ACLs; certificates in "
						+ settings.secrets().tls().folder() + ")" : " (plaintext)"));
		if (settings.modes().ownNetwork()) {
			System.out.println("Network: the platform's own, " + settings.networkSubnet()
					+ ", each part in a namespace " + settings.networkName()
					+ "-<instance>, reached from here through the gateway (./pizza fault)");
		}
		System.out.println("Kafka Connect's REST API: user " + ConnectRestLogin.USER + ", password in "
				+ settings.secrets().connectRestLogin().users());
		System.out.println("HTTP users (dashboard, map, staff's endpoints): admin, staff, bike-1 (a courier);"
				+ " each one's password in " + settings.stateDir().resolve("secrets") + "/<user>/"
				+ HttpLogins.PASSWORD_FILE);
		System.out.println("Logs: " + settings.logsDir() + " (./pizza logs -f)");
	}

	private static String pad(String health) {
		return String.format("%-9s", health);
	}

	private static String detail(InstanceStatus status) {
		if (status.instance().kind() == Kind.BROKER) {
			return status.role();
		}
		if (status.instance().kind() == Kind.DATABASE) {
			return "jdbc:postgresql://localhost:" + status.instance().port() + "/";
		}
		if (status.instance().kind() == Kind.TRACES) {
			return "http://localhost:" + status.instance().port() + "/zipkin/";
		}
		if (status.instance().kind() == Kind.CONNECT) {
			return "http://localhost:" + status.instance().port() + "/connectors?expand=status";
		}
		return "http://localhost:" + status.instance().port() + "/swagger-ui.html";
	}

}
