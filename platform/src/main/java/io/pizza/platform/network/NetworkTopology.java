package io.pizza.platform.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;

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

	private final Addresses addresses;

	private final Namespaces namespaces;

	private final boolean own;

	private final List<Instance> brokers;

	NetworkTopology(String subnet, String name, boolean own, List<Instance> brokers) {
		this.addresses = new Addresses(subnet);
		this.namespaces = new Namespaces(name, this.addresses);
		this.own = own;
		this.brokers = List.copyOf(brokers);
	}

	/**
	 * The network the platform's settings describe.
	 * @return its network
	 */
	public static NetworkTopology of(PlatformSettings settings) {
		return new NetworkTopology(settings.networkSubnet(), settings.networkName(), settings.modes().ownNetwork(),
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
	 * @return the command line to run
	 */
	public List<String> wrap(Instance instance, List<String> command) {
		return this.own ? inNamespace(namespace(instance), command) : command;
	}

	/**
	 * The address of a part on the platform's network, as {@link Addresses} plans it.
	 * @param instance the part
	 * @return its address
	 */
	public String address(Instance instance) {
		return this.addresses.of(instance);
	}

	/**
	 * The gateway's address on the bridge.
	 * @return the subnet's first address
	 */
	public String gatewayAddress() {
		return this.addresses.gateway();
	}

	/**
	 * The subnet, as PostgreSQL's authentication rules name it.
	 * @return such as {@code 10.77.0.0/24}
	 */
	public String subnet() {
		return this.addresses.subnet();
	}

	/**
	 * The port of a broker's listener for this machine, behind the gateway: its own port
	 * and 10,000.
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
		return this.namespaces.of(instance);
	}

	/**
	 * The namespace of the bridge, and of the gateway's half in it.
	 * @return its name
	 */
	public String lan() {
		return this.namespaces.lan();
	}

	/**
	 * A command as it runs in one of the platform's namespaces.
	 * @return the command line, run by {@code ip netns exec}
	 */
	public static List<String> inNamespace(String namespace, List<String> command) {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		line.addAll(command);
		return line;
	}

	/** Makes the bridge's namespace and the bridge, unless they are there. */
	public void ensureLan() {
		this.namespaces.ensureLan();
	}

	/**
	 * Makes a part's namespace and joins it to the bridge, unless it is there.
	 * @param instance the part
	 */
	public void ensure(Instance instance) {
		this.namespaces.ensure(instance);
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
		return this.namespaces.remove();
	}

	/**
	 * This platform's namespaces that exist.
	 * @return their names
	 */
	public List<String> namespaces() {
		return this.namespaces.list();
	}

}
