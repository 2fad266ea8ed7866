package io.pizza.platform.settings;

import java.nio.file.Path;

/**
 * Where the platform's own helper processes and Kafka's take their classes from: the jars
 * the build copied into each module's {@code target}.
 */
public final class Classpaths {

	private final Path root;

	Classpaths(Path root) {
		this.root = root;
	}

	/**
	 * The classpath of the platform and the jars it depends on, which its own helper
	 * processes (PostgreSQL's starter, the gateway) run from.
	 * @return the platform's jar and the folder of the others, with a wildcard
	 */
	public String platform() {
		Path target = this.root.resolve("platform/target");
		return target.resolve("platform.jar") + ":" + target.resolve("lib") + "/*";
	}

	/**
	 * The classpath of a Kafka node and Kafka's own tools ({@code kafka-node}): Kafka's
	 * jars and theirs alone, none of the platform's.
	 * @return the folder of the jars, with a wildcard
	 */
	public String kafka() {
		return this.root.resolve("kafka-node/target/lib") + "/*";
	}

}
