package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's {@code application.yml} holds what is its own: a setting every service
 * shares is written once, in service-support's {@code service-defaults.yml}.
 */
class ServiceSettingsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void noServiceRepeatsADefault() throws IOException {
		Map<String, Object> defaults = flat(defaults());
		for (Instance service : PlatformSettings.load(ROOT, new Properties()).services()) {
			Map<String, Object> own = flat(new Yaml()
				.load(Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.yml"))));
			assertThat(own).as("%s's settings", service.module()).isNotEmpty();
			own.forEach((key, value) -> assertThat(value).as("%s: %s, a default", service.module(), key)
				.isNotEqualTo(defaults.get(key)));
		}
	}

	/**
	 * The defaults every service runs with, without its profiles'.
	 * @return the first document of {@code service-defaults.yml}
	 */
	static Map<?, ?> defaults() throws IOException {
		return (Map<?, ?>) new Yaml()
			.loadAll(Files.readString(ROOT.resolve("service-support/src/main/resources/service-defaults.yml")))
			.iterator()
			.next();
	}

	private static Map<String, Object> flat(Map<?, ?> yml) {
		Map<String, Object> flat = new TreeMap<>();
		flatten("", yml, flat);
		return flat;
	}

	private static void flatten(String prefix, Map<?, ?> yml, Map<String, Object> flat) {
		yml.forEach((key, value) -> {
			if (value instanceof Map<?, ?> nested) {
				flatten(prefix + key + ".", nested, flat);
			}
			else {
				flat.put(prefix + key, value);
			}
		});
	}

}
