package io.pizza.platform.services;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.LocalHttp;
import io.pizza.platform.system.PlatformException;

/**
 * The Spring Boot services: each instance its own JVM with a bounded heap, configured
 * through environment variables as a container would be.
 * <p>
 * Longer than most classes here: how a service is started (its jar, class-data archive,
 * heap, JVM options and environment) is read best in one place, as a container's
 * definition would be.
 */
public final class Services {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	private final PlatformSettings settings;

	private final Processes processes;

	private final ClassDataSharing cds;

	public Services(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
		this.cds = new ClassDataSharing(settings);
	}

	/**
	 * Extracts the jars of the services' modules that are new builds, all at once, so
	 * that they start from their extracted jars, whose classes can be archived.
	 * @param services the instances about to start
	 * @return the modules whose jar could not be extracted: they start from their jars
	 */
	public List<String> prepare(List<Instance> services) {
		List<String> failed = new CopyOnWriteArrayList<>();
		List<Thread> extractions = new ArrayList<>();
		modules(services).forEach((module, service) -> {
			Thread extraction = new Thread(() -> {
				if (!this.cds.extract(module, jar(service))) {
					failed.add(module);
				}
			}, "extract-" + module);
			extraction.start();
			extractions.add(extraction);
		});
		for (Thread extraction : extractions) {
			try {
				extraction.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PlatformException("Interrupted", ex);
			}
		}
		return failed;
	}

	private static Map<String, Instance> modules(List<Instance> services) {
		Map<String, Instance> byModule = new LinkedHashMap<>();
		services.forEach((service) -> byModule.putIfAbsent(service.module(), service));
		return byModule;
	}

	/**
	 * Starts one service instance, from its class data sharing archive when there is one.
	 * @param service the instance
	 */
	public void start(Instance service) {
		start(service, Map.of());
	}

	/**
	 * Starts one service instance with some environment of its own on top of the
	 * platform's, such as another profile or setting for a benchmark.
	 * @param service the instance
	 * @param extraEnvironment variables that win over the platform's
	 */
	public void start(Instance service, Map<String, String> extraEnvironment) {
		Path jar = jar(service);
		if (!Files.isRegularFile(jar)) {
			throw new PlatformException(jar + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>();
		command.add(CommandLines.java());
		List<String> jvmOptions = jvmOptions(service);
		command.addAll(jvmOptions);
		command.add(CommandLines.MARKER + service.name());
		command.addAll(this.cds.launch(service.module(), service.name(), jar, jvmOptions));
		Map<String, String> environment = environment(service);
		if (this.settings.queueKitchen() && service.module().equals(Instance.MAKERS)) {
			addProfile(environment, PlatformSettings.QUEUE);
		}
		environment.putAll(extraEnvironment);
		if (this.settings.secure()) {
			// each service's "secure" profile takes its certificate, as a Spring Boot SSL
			// bundle, from a folder of its own: it sees no other key
			environment.put("PIZZA_TLS_DIR", this.settings.tls().folder(service.module()).toString());
			addProfile(environment, "secure");
		}
		this.processes.start(service, NetworkTopology.of(this.settings).wrap(service, command), environment);
	}

	private static void addProfile(Map<String, String> environment, String profile) {
		String profiles = environment.getOrDefault("SPRING_PROFILES_ACTIVE", "");
		environment.put("SPRING_PROFILES_ACTIVE", profiles.isBlank() ? profile : profiles + "," + profile);
	}

	private List<String> jvmOptions(Instance service) {
		List<String> options = new ArrayList<>(service.heapOptions());
		options.addAll(this.settings.jvmOptions(service));
		return options;
	}

	private Map<String, String> environment(Instance service) {
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
		this.settings.serviceSecrets().prepare(service.module());
		environment.put("PIZZA_SECRETS_DIR", this.settings.httpLogins().prepare(service.module()).toString());
		Instance zipkin = this.settings.zipkin();
		if (this.settings.tracing()) {
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
		environment.putAll(this.settings.environment(service));
		return environment;
	}

	private String url(NetworkTopology network, String name) {
		Instance instance = this.settings.instance(name).orElseThrow();
		return "http://" + network.host(instance) + ":" + instance.port();
	}

	private int port(String instance) {
		return this.settings.instance(instance).orElseThrow().port();
	}

	private Path jar(Instance service) {
		return this.settings.root().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	/**
	 * Tells whether a service instance writes its module's class archive as it stops,
	 * which takes it longer, once per build.
	 * @param process the instance's process
	 * @return whether it does
	 */
	public static boolean archivesAtExit(ProcessHandle process) {
		return ClassDataSharing.archivesAtExit(process);
	}

	/**
	 * Asks a service instance for its health.
	 * @param service the instance
	 * @return {@code UP}, {@code DOWN} or another status, or {@code -} when it does not
	 * answer
	 */
	public static String health(Instance service) {
		return LocalHttp
			.get(URI.create("http://localhost:" + service.port() + "/actuator/health"), Map.of(), Duration.ofSeconds(2))
			.map((answer) -> {
				Matcher status = STATUS.matcher(answer.body());
				return status.find() ? status.group(1) : "?";
			})
			.orElse("-");
	}

}
