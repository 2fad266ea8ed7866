package io.pizza.platform.network;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Kind;
import io.pizza.platform.system.PlatformException;

/**
 * The address plan of the platform's own network, a /24: the gateway on the first
 * address, each part on one of its own that does not change from run to run.
 */
final class Addresses {

	private static final Pattern SUBNET = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.)0/24");

	private static final Pattern EXTRA_MAKER = Pattern.compile("pizza-maker-(\\d+)");

	private static final Map<String, Integer> HOSTS = Map.of("postgres", 20, "order-service", 21, "pizza-maker-1", 22,
			"pizza-maker-2", 23, "billing-service", 24, "delivery-tracker-service", 25, "dashboard", 26,
			"kafka-connect", 30, "zipkin", 31);

	private final String prefix;

	/**
	 * The plan of a subnet.
	 * @param subnet a /24 such as {@code 10.77.0.0/24}
	 */
	Addresses(String subnet) {
		Matcher matcher = SUBNET.matcher(subnet.trim());
		if (!matcher.matches()) {
			throw new PlatformException("network.subnet must be a /24 such as 10.77.0.0/24, not '" + subnet + "'");
		}
		this.prefix = matcher.group(1);
	}

	/**
	 * The address of a part: a broker's ends in 10 and its node id, a service's in 21 to
	 * 26 (a further maker's in 40 and its number), PostgreSQL's in 20, Connect's in 30,
	 * Zipkin's in 31.
	 * @param instance the part
	 * @return its address
	 */
	String of(Instance instance) {
		return this.prefix + hostNumber(instance);
	}

	String gateway() {
		return this.prefix + 1;
	}

	String subnet() {
		return this.prefix + "0/24";
	}

	static int hostNumber(Instance instance) {
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

}
