package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.pizza.platform.secure.DatabaseLogins;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started from its IDE, with its {@code application.yml} alone, finds the rest
 * where the platform runs it: its own port, the brokers, PostgreSQL, Zipkin and, for the
 * dashboard, the other services, as the platform's settings place them.
 */
class ServiceAddressesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private final PlatformSettings settings = PlatformSettings.load(ROOT, new Properties());

	@Test
	void eachServiceListensOnThePortOfItsFirstInstance() throws IOException {
		for (String module : modules().keySet()) {
			assertThat(value(yml(module), "server", "port")).as(module).isEqualTo(modules().get(module).port());
		}
	}

	@Test
	void eachServiceFindsTheBrokersPostgresAndZipkinWhereThePlatformRunsThem() throws IOException {
		// what every service shares: its defaults (service-support)
		Map<?, ?> defaults = ServiceSettingsTests.defaults();
		assertThat(value(defaults, "spring", "kafka", "bootstrap-servers")).isEqualTo(this.settings.bootstrapServers());
		assertThat(value(defaults, "management", "tracing", "export", "zipkin", "endpoint"))
			.isEqualTo("http://localhost:" + this.settings.zipkin().port() + "/api/v2/spans");
		for (String module : modules().keySet()) {
			Map<String, Object> yml = yml(module);
			if (DatabaseLogins.databaseOf(module).isPresent()) {
				assertThat((String) value(yml, "spring", "datasource", "url")).as(module)
					.startsWith("jdbc:postgresql://localhost:" + this.settings.postgresPort() + "/");
			}
			Object traces = value(yml, module, "traces");
			if (traces != null) {
				assertThat(traces).as(module)
					.isEqualTo("http://localhost:" + this.settings.zipkin().port() + "/zipkin/");
			}
		}
	}

	@Test
	void theDashboardFindsTheOtherServicesWhereThePlatformRunsThem() throws IOException {
		Map<String, Object> yml = yml("dashboard");
		assertThat(value(yml, "dashboard", "order-service")).isEqualTo(url("order-service"));
		assertThat(value(yml, "dashboard", "billing-service")).isEqualTo(url("billing-service"));
		assertThat(value(yml, "dashboard", "makers")).isEqualTo(url("pizza-maker-1") + "," + url("pizza-maker-2"));
		assertThat(value(yml, "dashboard", "delivery-map")).isEqualTo(url("delivery-tracker-service") + "/");
	}

	// each module's first instance: pizza-maker-1 for the makers
	private Map<String, Instance> modules() {
		return this.settings.services()
			.stream()
			.collect(Collectors.toMap(Instance::module, (service) -> service, (first, other) -> first));
	}

	private String url(String instance) {
		return "http://localhost:" + this.settings.instance(instance).orElseThrow().port();
	}

	private static Map<String, Object> yml(String module) throws IOException {
		return new Yaml().load(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
	}

	private static Object value(Map<?, ?> yml, String... path) {
		Object value = yml;
		for (String key : path) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(key);
		}
		return value;
	}

}
