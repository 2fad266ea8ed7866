package io.pizza.platform.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pizza.platform.process.CommandLines;
import io.pizza.platform.process.Processes;
import io.pizza.platform.process.Signals;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;
import io.pizza.platform.system.Polling;

/**
 * The two halves of the {@link Gateway} as processes of the platform: the lan half in the
 * bridge's namespace, the host half in this machine's, each part's port routed, a
 * broker's to its listener for this machine.
 */
public final class Gateways {

	/** The half in this machine's namespace. */
	public static final Instance HOST = new Instance("gateway-host", Kind.GATEWAY, 0, null, 0, "32m");

	/** The half in the bridge's namespace. */
	public static final Instance LAN = new Instance("gateway-lan", Kind.GATEWAY, 0, null, 0, "32m");

	/**
	 * Further makers a user may start, routed before they are: pizza-maker-3 to -9, those
	 * {@code down} stops.
	 */
	private static final int FURTHER_MAKERS = 7;

	private final PlatformSettings settings;

	private final Processes processes;

	public Gateways(PlatformSettings settings, Processes processes) {
		this.settings = settings;
		this.processes = processes;
	}

	/** Starts both halves, unless they run. */
	public void start() {
		List<String> routes = routes();
		Path sockets = this.settings.stateDir().resolve("gateway");
		if (this.processes.running(LAN).isEmpty()) {
			this.processes.start(LAN,
					NetworkTopology.inNamespace(NetworkTopology.of(this.settings).lan(), command(LAN, sockets, routes)),
					Map.of());
			Polling.until(Duration.ofSeconds(30), Duration.ofMillis(100),
					() -> routes.stream().allMatch((route) -> Files.exists(sockets.resolve(port(route) + ".sock"))),
					() -> "The gateway to the platform's network did not start: see " + this.settings.logFile(LAN));
		}
		if (this.processes.running(HOST).isEmpty()) {
			this.processes.start(HOST, command(HOST, sockets, routes), Map.of());
		}
	}

	private List<String> command(Instance half, Path sockets, List<String> routes) {
		List<String> command = new ArrayList<>(
				List.of(CommandLines.java(), "-Xmx" + half.heap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-Xss256k", CommandLines.MARKER + half.name(), "-cp", this.settings.classpaths().platform(),
						Gateway.class.getName(), (half == HOST) ? "host" : "lan", sockets.toString()));
		command.addAll(routes);
		return command;
	}

	// PORT=ADDRESS:PORT for every part this machine reaches
	private List<String> routes() {
		NetworkTopology network = NetworkTopology.of(this.settings);
		List<String> routes = new ArrayList<>();
		for (Instance broker : this.settings.brokers()) {
			routes.add(broker.port() + "=" + network.address(broker) + ":" + NetworkTopology.hostListenerPort(broker));
		}
		List<Instance> parts = new ArrayList<>(
				List.of(this.settings.postgres(), this.settings.connect(), this.settings.zipkin()));
		parts.addAll(this.settings.services());
		for (int n = 3; n < 3 + FURTHER_MAKERS; n++) {
			this.settings.instance("pizza-maker-" + n).ifPresent(parts::add);
		}
		for (Instance part : parts) {
			routes.add(part.port() + "=" + network.address(part) + ":" + part.port());
		}
		return routes;
	}

	private static int port(String route) {
		return Integer.parseInt(route.substring(0, route.indexOf('=')));
	}

	/**
	 * Stops both halves.
	 * @return whether any ran
	 */
	public boolean stop() {
		boolean any = false;
		for (Instance half : List.of(HOST, LAN)) {
			var process = this.processes.running(half);
			if (process.isPresent()) {
				any = true;
				Signals.signal(process.get(), "KILL");
				if (!Signals.awaitExit(List.of(process.get()), Duration.ofSeconds(5))) {
					throw new PlatformException(half + " did not stop");
				}
			}
		}
		return any;
	}

}
