package io.pizza.platform.settings;

/**
 * One process of the platform.
 *
 * @param name its name, as {@code ./pizza} commands take it
 * @param kind what it is
 * @param port the port it serves clients on
 * @param module the Maven module of a service, {@code null} for the others
 * @param nodeId the node id of a broker, {@code 0} for the others
 * @param heap the JVM's maximum heap, such as {@code 256m}
 */
public record Instance(String name, Kind kind, int port, String module, int nodeId, String heap) {

	@Override
	public String toString() {
		return this.name;
	}

}
