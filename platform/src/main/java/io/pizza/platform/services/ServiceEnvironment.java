package io.pizza.platform.services;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.settings.PlatformSettings;

/**
 * What a service instance is told through its environment, as a container would be: its
 * name and port, where Kafka, PostgreSQL, Zipkin and the other services are, its secrets'
 * folder and its profiles.
 */
final class ServiceEnvironment {

	private final PlatformSettings settings;

	ServiceEnvironment(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * The environment of a service instance.
	 * @param service the instance
	 * @param extraEnvironment variables that win over the platform's
	 * @return the variables
	 */
	Map<String, String> of(Instance service, Map<String, String> extraEnvironment) {
		Map<String, String> environment = platforms(service);
		if (this.settings.modes().queueKitchen() && service.module().equals(Instance.MAKERS)) {
			addProfile(environment, Modes.QUEUE);
		}
		environment.putAll(extraEnvironment);
		if (this.settings.modes().secure()) {
			// each service's "secure" profile takes its certificate, as a Spring Boot SSL
			// bundle, from a folder of its own: it sees no other key
			environment.put("PIZZA_TLS_DIR", this.settings.secrets().tls().folder(service.module()).toString());
			addProfile(environment, "secure");
		}
		return environment;
	}

	private static void addProfile(Map<String, String> environment, String profile) {
		String profiles = environment.getOrDefault("SPRING_PROFILES_ACTIVE", "");
		environment.put("SPRING_PROFILES_ACTIVE", profiles.isBlank() ? profile : profiles + "," + profile);
	}

	private Map<String, String> platforms(Instance service) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("INSTANCE_ID", service.name());
		environment.put("SERVER_PORT", String.valueOf(service.port()));
		NetworkTopology network = NetworkTopology.of(this.settings);
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", network.bootstrapServers());
		DatabaseLogins.databaseOf(service.module())
			.ifPresent((database) -> environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://"
					+ network.host(this.settings.postgres()) + ":" + this.settings.postgresPort() + "/" + database));
		// its secrets as files of a folder of its own, read as a config tree: the HTTP
		// users, its database role's password, its own HTTP password, and those its
		// instances share
		this.settings.secrets().serviceSecrets().prepare(service.module());
		environment.put("PIZZA_SECRETS_DIR", this.settings.secrets().httpLogins().prepare(service.module()).toString());
		Instance zipkin = this.settings.zipkin();
		if (this.settings.modes().tracing()) {
			environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
					"http://" + network.host(zipkin) + ":" + zipkin.port() + "/api/v2/spans");
		}
		else {
			// no span sampled, none sent, no trace id
			environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0");
			environment.put("MANAGEMENT_TRACING_EXPORT_ENABLED", "false");
		}
		// links to an order's traces, as a browser on this machine reaches Zipkin
		String traces = "http://localhost:" + zipkin.port() + "/zipkin/";
		if (service.module().equals("order-service")) {
			environment.put("ORDER_SERVICE_TRACES", traces);
		}
		if (service.module().equals("dashboard")) {
			environment.put("DASHBOARD_TRACES", traces);
			// the dashboard asks the services themselves, wherever this platform put
			// them, and links to the map as a browser on this machine reaches it
			environment.put("DASHBOARD_ORDER_SERVICE", url(network, "order-service"));
			environment.put("DASHBOARD_BILLING_SERVICE", url(network, "billing-service"));
			environment.put("DASHBOARD_MAKERS", url(network, "pizza-maker-1") + "," + url(network, "pizza-maker-2"));
			environment.put("DASHBOARD_DELIVERY_MAP", "http://localhost:" + port("delivery-tracker-service") + "/");
		}
		environment.putAll(this.settings.launchOptions().environment(service));
		return environment;
	}

	private String url(NetworkTopology network, String name) {
		Instance instance = this.settings.instance(name).orElseThrow();
		return "http://" + network.host(instance) + ":" + instance.port();
	}

	private int port(String instance) {
		return this.settings.instance(instance).orElseThrow().port();
	}

}
