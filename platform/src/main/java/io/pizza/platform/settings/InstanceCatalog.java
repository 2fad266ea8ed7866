package io.pizza.platform.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's instances where the settings put them: the Kafka nodes, PostgreSQL, the
 * services (and any further pizza maker, {@code pizza-maker-N} on port 8090+N unless
 * set), the Connect worker.
 */
final class InstanceCatalog {

	private static final Pattern EXTRA_MAKER = Pattern.compile("pizza-maker-(\\d+)");

	private static final List<String> SERVICES = List.of("order-service", "pizza-maker-1", "pizza-maker-2",
			"billing-service", "delivery-tracker-service", "dashboard");

	private final Properties properties;

	InstanceCatalog(Properties properties) {
		this.properties = properties;
	}

	List<Instance> brokers() {
		List<Integer> ports = ports("kafka.ports");
		List<Instance> brokers = new ArrayList<>();
		for (int i = 0; i < ports.size(); i++) {
			brokers.add(new Instance("kafka-" + (i + 1), Kind.BROKER, ports.get(i), null, i + 1,
					this.properties.getProperty("kafka.heap")));
		}
		return brokers;
	}

	List<Integer> controllerPorts() {
		return ports("kafka.controller-ports");
	}

	Instance postgres() {
		return new Instance("postgres", Kind.DATABASE, port("postgres.port"), null, 0, null);
	}

	Instance connect() {
		return new Instance("kafka-connect", Kind.CONNECT, port("kafka-connect.port"), null, 0,
				this.properties.getProperty("kafka-connect.heap"));
	}

	Instance zipkin() {
		return new Instance("zipkin", Kind.TRACES, port("zipkin.port"), null, 0,
				this.properties.getProperty("zipkin.heap"));
	}

	List<Instance> services() {
		return SERVICES.stream().map((name) -> service(name).orElseThrow()).toList();
	}

	// in start order
	List<Instance> all() {
		List<Instance> all = new ArrayList<>(brokers());
		all.add(postgres());
		all.addAll(services());
		all.add(connect());
		all.add(zipkin());
		return all;
	}

	Optional<Instance> find(String name) {
		return all().stream().filter((instance) -> instance.name().equals(name)).findFirst().or(() -> service(name));
	}

	List<String> names() {
		List<String> names = new ArrayList<>(all().stream().map(Instance::name).toList());
		names.add("pizza-maker-N");
		return names;
	}

	private Optional<Instance> service(String name) {
		String module = moduleOf(name);
		if (module == null) {
			return Optional.empty();
		}
		String port = this.properties.getProperty(name + ".port");
		if (port == null) {
			Matcher maker = EXTRA_MAKER.matcher(name);
			maker.matches();
			port = String.valueOf(8090 + Integer.parseInt(maker.group(1)));
		}
		String heap = this.properties.getProperty(name + ".heap", this.properties.getProperty("service.heap"));
		return Optional.of(new Instance(name, Kind.SERVICE, Integer.parseInt(port.trim()), module, 0, heap));
	}

	private static String moduleOf(String name) {
		if (EXTRA_MAKER.matcher(name).matches()) {
			return Instance.MAKERS;
		}
		return switch (name) {
			case "order-service", "billing-service", "delivery-tracker-service", "dashboard" -> name;
			default -> null;
		};
	}

	private int port(String key) {
		return Integer.parseInt(this.properties.getProperty(key).trim());
	}

	private List<Integer> ports(String key) {
		return Arrays.stream(this.properties.getProperty(key).split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
	}

}
