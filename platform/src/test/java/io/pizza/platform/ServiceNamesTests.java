package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.secure.TlsMaterial;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One name per service: its folder is its {@code spring.application.name}, the prefix of
 * its own settings, its Kafka principal and, if it has a database, its database role.
 */
class ServiceNamesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void eachServiceGoesByTheNameOfItsFolder() throws IOException {
		Set<String> modules = new TreeSet<>();
		PlatformSettings.load(ROOT, new Properties()).services().stream().map(Instance::module).forEach(modules::add);
		assertThat(modules).contains("order-service", "pizza-maker-service", "billing-service",
				"delivery-tracker-service", "dashboard");
		for (String module : modules) {
			Path main = ROOT.resolve(module).resolve("src/main");
			Map<String, Object> yml = new Yaml().load(Files.readString(main.resolve("resources/application.yml")));
			Map<?, ?> spring = (Map<?, ?>) yml.get("spring");
			assertThat(((Map<?, ?>) spring.get("application")).get("name")).as(module).isEqualTo(module);
			assertThat(yml).as("%s's own settings under its name", module).containsKey(module);
			assertThat(sources(main)).as(module)
				.anySatisfy((source) -> assertThat(source).contains("@ConfigurationProperties(\"" + module + "\")"));
			assertThat(TlsMaterial.CLIENTS).as("%s's principal", module).contains(module);
			if (spring.get("datasource") instanceof Map<?, ?> datasource) {
				// the role named as the service, by every service's defaults
				assertThat(datasource.get("username")).as(module).isNull();
				assertThat(DatabaseLogins.databaseOf(module)).as("%s's database, its role", module).isPresent();
			}
		}
		Map<?, ?> defaults = ServiceSettingsTests.defaults();
		assertThat(((Map<?, ?>) ((Map<?, ?>) defaults.get("spring")).get("datasource")).get("username"))
			.isEqualTo("${spring.application.name}");
		Set<String> roles = new TreeSet<>(DatabaseLogins.owners().values());
		roles.remove("kafka-connect");
		assertThat(modules).as("the services' database roles").containsAll(roles);
	}

	private static Stream<String> sources(Path main) throws IOException {
		try (Stream<Path> files = Files.walk(main.resolve("java"))) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList().stream().map((file) -> {
				try {
					return Files.readString(file);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

}
