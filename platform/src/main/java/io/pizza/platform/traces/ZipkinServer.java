package io.pizza.platform.traces;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pizza.platform.network.NetworkTopology;
import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The Zipkin server: one JVM of Zipkin's executable jar, from Maven Central (the
 * {@code zipkin} module), its spans in memory, at most {@code zipkin.max-spans} of them,
 * the oldest traces dropped first. It listens on the platform's address for it alone
 * (this machine's loopback, or its namespace's): Zipkin asks for no login, and an order's
 * spans name its id, its shop and where its records are, not who ordered.
 */
public final class ZipkinServer {

	private final PlatformSettings settings;

	private final Processes processes;

	public ZipkinServer(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/**
	 * Starts the server.
	 * @param zipkin its instance
	 */
	public void start(Instance zipkin) {
		Path jar = this.settings.root().resolve("zipkin/target/zipkin-server.jar");
		if (!Files.isRegularFile(jar)) {
			throw new PlatformException(jar + " is missing: build the project first (./mvnw -DskipTests package)");
		}
		NetworkTopology network = NetworkTopology.of(this.settings);
		List<String> command = new ArrayList<>(List.of(CommandLines.java()));
		command.addAll(zipkin.heapOptions());
		command.addAll(this.settings.launchOptions().jvmOptions(zipkin));
		command.addAll(List.of(CommandLines.MARKER + zipkin.name(), "-jar", jar.toString(),
				"--armeria.ports[0].ip=" + (this.settings.modes().ownNetwork() ? network.address(zipkin) : "127.0.0.1"),
				"--armeria.ports[0].port=" + zipkin.port(), "--logging.level.root=WARN"));
		Map<String, String> environment = Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS",
				String.valueOf(this.settings.zipkinMaxSpans()), "SELF_TRACING_ENABLED", "false");
		this.processes.start(zipkin, network.wrap(zipkin, command), environment);
	}

}
