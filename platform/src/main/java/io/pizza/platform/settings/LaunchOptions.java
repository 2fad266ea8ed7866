package io.pizza.platform.settings;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What an instance's process starts with besides its heap: the services' extra
 * environment ({@code service.env.NAME} for every service, {@code <instance>.env.NAME}
 * for one) and the JVM options ({@code <instance>.jvm-options}, or else
 * {@code kafka.jvm-options} for a node and {@code service.jvm-options} for a service).
 */
public final class LaunchOptions {

	private final Properties properties;

	LaunchOptions(Properties properties) {
		this.properties = properties;
	}

	/**
	 * Extra environment variables of a service instance.
	 * @param service the instance
	 * @return the variables
	 */
	public Map<String, String> environment(Instance service) {
		Map<String, String> environment = new TreeMap<>();
		for (String prefix : List.of("service.env.", service.name() + ".env.")) {
			for (String key : this.properties.stringPropertyNames()) {
				if (key.startsWith(prefix)) {
					environment.put(key.substring(prefix.length()), this.properties.getProperty(key));
				}
			}
		}
		return environment;
	}

	/**
	 * The JVM options a Kafka node or a service instance starts with besides its heap.
	 * @param instance the node or instance
	 * @return the options, in order
	 */
	public List<String> jvmOptions(Instance instance) {
		String common = switch (instance.kind()) {
			case BROKER -> "kafka.jvm-options";
			case TRACES -> "zipkin.jvm-options";
			default -> "service.jvm-options";
		};
		String options = this.properties.getProperty(instance.name() + ".jvm-options",
				this.properties.getProperty(common));
		return List.of(options.trim().split("\\s+"));
	}

}
