package io.pizza.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.settings.PlatformSettings;
import io.pizza.platform.system.PlatformException;

/**
 * The platform's own network: a namespace {@code <name>-lan} holding a bridge, and each
 * part of the platform in a namespace of its own ({@code <name>-<instance>}), joined to
 * the bridge by a veth pair, with an address of {@code network.subnet} (a /24 the machine
 * does not use); {@code network.name} ({@code pz}) names them, so that two platforms on
 * one machine (the tests' and a user's) keep apart. The addresses exist only inside these
 * namespaces: nothing is added to the machine's own network, and no traffic leaves it;
 * this machine's loopback reaches the parts through the {@link Gateway}. Every namespace,
 * link and route it made goes with its namespaces.
 */
public final class NetworkTopology {

	private static final Pattern SUBNET = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.)0/24");

	private static final Pattern EXTRA_MAKER = Pattern.compile("pizza-maker-(\\d+)");

	private static final Map<String, Integer> HOSTS = Map.of("postgres", 20, "order-service", 21, "pizza-maker-1", 22,
			"pizza-maker-2", 23, "billing-service", 24, "delivery-tracker-service", 25, "dashboard", 26,
			"kafka-connect", 30, "zipkin", 31);

	private final String prefix;

	private final String name;

	private final boolean own;

	private final List<Instance> brokers;

	/**
	 * The network of a subnet.
	 * @param subnet a /24 such as {@code 10.77.0.0/24}
	 * @param name what its namespaces and links are named with
	 * @param own whether the platform runs on it
	 * @param brokers the Kafka nodes
	 */
	NetworkTopology(String subnet, String name, boolean own, List<Instance> brokers) {
		Matcher matcher = SUBNET.matcher(subnet.trim());
		if (!matcher.matches()) {
			throw new PlatformException("network.subnet must be a /24 such as 10.77.0.0/24, not '" + subnet + "'");
		}
		this.prefix = matcher.group(1);
		this.name = name;
		this.own = own;
		this.brokers = List.copyOf(brokers);
	}

	/**
	 * The network the platform's settings describe.
	 * @param settings the settings
	 * @return its network
	 */
	public static NetworkTopology of(PlatformSettings settings) {
		return new NetworkTopology(settings.networkSubnet(), settings.networkName(), settings.ownNetwork(),
				settings.brokers());
	}

	/**
	 * Whether the platform runs on this network (else on this machine's loopback).
	 * @return whether it does
	 */
	public boolean own() {
		return this.own;
	}

	/**
	 * Where the parts reach a part: its address on the platform's network, or this
	 * machine's loopback.
	 * @param instance the part
	 * @return its host
	 */
	public String host(Instance instance) {
		return this.own ? address(instance) : "localhost";
	}

	/**
	 * The brokers' addresses, as the platform's parts reach them.
	 * @return a bootstrap servers list
	 */
	public String bootstrapServers() {
		return String.join(",", this.brokers.stream().map((broker) -> host(broker) + ":" + broker.port()).toList());
	}

	/**
	 * A part's command line as it runs: in its namespace on the platform's network, as it
	 * is on this machine's loopback.
	 * @param instance the part
	 * @param command the command line
	 * @return the command line to run
	 */
	public List<String> wrap(Instance instance, List<String> command) {
		return this.own ? inNamespace(instance, command) : command;
	}

	/**
	 * The address of a part: a broker's ends in 10 and its node id, a service's in 21 to
	 * 26 (a further maker's in 40 and its number), PostgreSQL's in 20, Connect's in 30,
	 * Zipkin's in 31.
	 * @param instance the part
	 * @return its address
	 */
	public String address(Instance instance) {
		return this.prefix + hostNumber(instance);
	}

	/**
	 * The gateway's address on the bridge.
	 * @return the subnet's first address
	 */
	public String gatewayAddress() {
		return this.prefix + 1;
	}

	/**
	 * The subnet, as PostgreSQL's authentication rules name it.
	 * @return such as {@code 10.77.0.0/24}
	 */
	public String subnet() {
		return this.prefix + "0/24";
	}

	private static int hostNumber(Instance instance) {
		if (instance.kind() == Kind.BROKER) {
			return 10 + instance.nodeId();
		}
		Integer host = HOSTS.get(instance.name());
		if (host != null) {
			return host;
		}
		Matcher maker = EXTRA_MAKER.matcher(instance.name());
		if (maker.matches() && Integer.parseInt(maker.group(1)) < 60) {
			return 40 + Integer.parseInt(maker.group(1));
		}
		throw new PlatformException("No address for " + instance + " on the platform's network");
	}

	/**
	 * The port of a broker's listener for this machine, behind the gateway: its own port
	 * and 10,000.
	 * @param broker the broker
	 * @return the port
	 */
	public static int hostListenerPort(Instance broker) {
		return broker.port() + 10_000;
	}

	/**
	 * The namespace a part runs in.
	 * @param instance the part
	 * @return its namespace's name
	 */
	public String namespace(Instance instance) {
		return this.name + "-" + instance.name();
	}

	/**
	 * The namespace of the bridge, and of the gateway's half in it.
	 * @return its name
	 */
	public String lan() {
		return this.name + "-lan";
	}

	private String bridge() {
		return this.name + "br0";
	}

	private List<String> inNamespace(Instance instance, List<String> command) {
		return inNamespace(namespace(instance), command);
	}

	/**
	 * A command as it runs in one of the platform's namespaces.
	 * @param namespace the namespace
	 * @param command the command line
	 * @return the command line, run by {@code ip netns exec}
	 */
	public static List<String> inNamespace(String namespace, List<String> command) {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		line.addAll(command);
		return line;
	}

	/** Makes the bridge's namespace and the bridge, unless they are there. */
	public void ensureLan() {
		String lan = lan();
		if (namespaces().contains(lan)) {
			return;
		}
		Ip.run("netns", "add", lan);
		Ip.run("-n", lan, "link", "set", "lo", "up");
		Ip.run("-n", lan, "link", "add", bridge(), "type", "bridge");
		Ip.run("-n", lan, "addr", "add", gatewayAddress() + "/24", "dev", bridge());
		Ip.run("-n", lan, "link", "set", bridge(), "up");
	}

	/**
	 * Makes a part's namespace and joins it to the bridge, unless it is there.
	 * @param instance the part
	 */
	public void ensure(Instance instance) {
		String namespace = namespace(instance);
		if (namespaces().contains(namespace)) {
			return;
		}
		ensureLan();
		String link = this.name + hostNumber(instance);
		Ip.run("netns", "add", namespace);
		Ip.run("-n", namespace, "link", "set", "lo", "up");
		// both ends made where they live: nothing of the pair ever appears in this
		// machine's own namespace
		Ip.run("link", "add", link, "netns", lan(), "type", "veth", "peer", "name", "eth0", "netns", namespace);
		Ip.run("-n", lan(), "link", "set", link, "master", bridge(), "up");
		Ip.run("-n", namespace, "addr", "add", address(instance) + "/24", "dev", "eth0");
		Ip.run("-n", namespace, "link", "set", "eth0", "up");
	}

	/**
	 * Why this machine cannot run the platform's own network, if it cannot.
	 * @return the reason, or empty when it can
	 */
	public static Optional<String> whyNot() {
		return Ip.cannotMakeNamespaces();
	}

	/**
	 * Removes every namespace of this platform's, and with them every link and route it
	 * made.
	 * @return the namespaces removed
	 */
	public List<String> remove() {
		List<String> removed = new ArrayList<>();
		for (String namespace : namespaces()) {
			Ip.quietly("netns", "del", namespace);
			removed.add(namespace);
		}
		return removed;
	}

	/**
	 * This platform's namespaces that exist.
	 * @return their names
	 */
	public List<String> namespaces() {
		String listed;
		try {
			listed = Ip.run("netns", "list");
		}
		catch (PlatformException ex) {
			return List.of();
		}
		return Arrays.stream(listed.split("\n"))
			.map((line) -> line.split(" ")[0].trim())
			.filter((namespace) -> namespace.startsWith(this.name + "-"))
			.toList();
	}

}
