package io.pizza.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;

/**
 * The network namespaces of one platform, all named with its {@code network.name}: one
 * holding the bridge, and one per part joined to it by a veth pair. Every link and route
 * made lives in them, and goes with them.
 */
final class Namespaces {

	private final String name;

	private final Addresses addresses;

	Namespaces(String name, Addresses addresses) {
		this.name = name;
		this.addresses = addresses;
	}

	String of(Instance instance) {
		return this.name + "-" + instance.name();
	}

	String lan() {
		return this.name + "-lan";
	}

	private String bridge() {
		return this.name + "br0";
	}

	void ensureLan() {
		String lan = lan();
		if (list().contains(lan)) {
			return;
		}
		Ip.run("netns", "add", lan);
		Ip.run("-n", lan, "link", "set", "lo", "up");
		Ip.run("-n", lan, "link", "add", bridge(), "type", "bridge");
		Ip.run("-n", lan, "addr", "add", this.addresses.gateway() + "/24", "dev", bridge());
		Ip.run("-n", lan, "link", "set", bridge(), "up");
	}

	void ensure(Instance instance) {
		String namespace = of(instance);
		if (list().contains(namespace)) {
			return;
		}
		ensureLan();
		String link = this.name + Addresses.hostNumber(instance);
		Ip.run("netns", "add", namespace);
		Ip.run("-n", namespace, "link", "set", "lo", "up");
		// both ends made where they live: nothing of the pair ever appears in this
		// machine's own namespace
		Ip.run("link", "add", link, "netns", lan(), "type", "veth", "peer", "name", "eth0", "netns", namespace);
		Ip.run("-n", lan(), "link", "set", link, "master", bridge(), "up");
		Ip.run("-n", namespace, "addr", "add", this.addresses.of(instance) + "/24", "dev", "eth0");
		Ip.run("-n", namespace, "link", "set", "eth0", "up");
	}

	List<String> remove() {
		List<String> removed = new ArrayList<>();
		for (String namespace : list()) {
			Ip.quietly("netns", "del", namespace);
			removed.add(namespace);
		}
		return removed;
	}

	List<String> list() {
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
