package io.pizza.platform.settings;

import java.util.List;
import java.util.Locale;

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

	/** The module every pizza maker runs. */
	public static final String MAKERS = "pizza-maker-service";

	/**
	 * The JVM's heap options: its bound, and a quarter of it to start with, so that an
	 * idle JVM holds what it uses and grows towards its bound under load alone.
	 * @return {@code -Xms} and {@code -Xmx}
	 */
	public List<String> heapOptions() {
		String size = this.heap.toLowerCase(Locale.ROOT);
		long mebibytes = Long.parseLong(size.substring(0, size.length() - 1)) * (size.endsWith("g") ? 1024 : 1);
		return List.of("-Xms" + Math.max(16, mebibytes / 4) + "m", "-Xmx" + this.heap);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
