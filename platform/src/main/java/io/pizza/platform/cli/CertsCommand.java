package io.pizza.platform.cli;

import java.util.concurrent.Callable;

import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pizza certs}: the secure mode's CA and certificates, made if missing, for
 * {@code up --secure} and the secure docker compose.
 */
@Command(name = "certs",
		description = "Make the secure mode's CA and certificates (one per broker, one per client) in the state "
				+ "folder if they are missing, and list them. 'up --secure' makes them too; the secure docker "
				+ "compose (docker-compose.secure.yml) mounts them.")
class CertsCommand implements Callable<Integer> {

	@ParentCommand
	PizzaCli cli;

	@Override
	public Integer call() {
		PlatformSettings settings = this.cli.settings();
		TlsMaterial tls = settings.secrets().tls();
		tls.prepare(settings.brokers().stream().map(Instance::name).toList());
		System.out.println("CA: " + tls.folder().resolve("ca") + " (its key ca.key signs the others: ./pizza alone "
				+ "reads it)");
		System.out.println("Brokers, valid for localhost and their own name: "
				+ String.join(", ", settings.brokers().stream().map((broker) -> broker.name() + "/").toList()));
		System.out.println("Clients, the common name is the principal: "
				+ String.join(", ", TlsMaterial.CLIENTS.stream().map((client) -> client + "/").toList()));
		System.out.println("In " + tls.folder() + ", each in a folder of its own: <name>.crt is the certificate and "
				+ "the CA's, <name>.key its private key (PKCS #8), <name>.pem both, as Kafka's PEM key store reads "
				+ "them, and ca.crt the CA's certificate.");
		return 0;
	}

}
