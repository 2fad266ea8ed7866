package io.pizza.platform.network;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.pizza.platform.cli.PizzaCli;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.Modes;
import io.pizza.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's own network: each part's address and namespace, and who may make them.
 */
class NetworkTopologyTests {

	@TempDir
	Path root;

	@Test
	void eachPartHasAnAddressOfItsOwnOnThePlatformsSubnetAndANamespaceNamedForIt() {
		Properties network = new Properties();
		network.setProperty("network", Modes.OWN_NETWORK);
		network.setProperty("network.subnet", "10.99.0.0/24");
		network.setProperty("network.name", "pq");
		PlatformSettings settings = PlatformSettings.load(this.root, network);
		NetworkTopology topology = NetworkTopology.of(settings);

		assertThat(topology.own()).isTrue();
		assertThat(topology.bootstrapServers()).isEqualTo("10.99.0.11:9092,10.99.0.12:9093,10.99.0.13:9094");
		assertThat(topology.address(settings.postgres())).isEqualTo("10.99.0.20");
		assertThat(topology.gatewayAddress()).isEqualTo("10.99.0.1");
		assertThat(topology.subnet()).isEqualTo("10.99.0.0/24");
		assertThat(topology.lan()).isEqualTo("pq-lan");
		assertThat(topology.namespace(settings.instance("kafka-2").orElseThrow())).isEqualTo("pq-kafka-2");
		assertThat(settings.instances()).extracting(topology::address)
			.doesNotHaveDuplicates()
			.allSatisfy((address) -> assertThat(address).startsWith("10.99.0.").isNotEqualTo("10.99.0.1"));
		Instance third = settings.instance("pizza-maker-3").orElseThrow();
		assertThat(topology.address(third)).isEqualTo("10.99.0.43");
	}

	@Test
	void onThisMachinesLoopbackEveryPartIsOnLocalhostAsBefore() {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		NetworkTopology topology = NetworkTopology.of(settings);
		assertThat(topology.own()).isFalse();
		assertThat(topology.bootstrapServers()).isEqualTo(settings.bootstrapServers());
		assertThat(topology.wrap(settings.postgres(), List.of("postgres"))).containsExactly("postgres");
	}

	@Test
	void upOnItsOwnNetworkWithoutRootSaysSoAndStartsNothing() {
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		PrintStream stderr = System.err;
		String user = System.getProperty("user.name");
		System.setProperty("user.name", "nobody");
		System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = PizzaCli.commandLine().execute("--root", this.root.toString(), "up", "--network");
		}
		finally {
			System.setErr(stderr);
			System.setProperty("user.name", user);
		}
		assertThat(exit).isEqualTo(1);
		assertThat(errors.toString(StandardCharsets.UTF_8))
			.contains("--network cannot run here: it makes network namespaces, which takes root");
		assertThat(this.root.resolve(".pizza/logs")).doesNotExist();
		assertThat(this.root.resolve(".pizza/network")).doesNotExist();
	}

}
