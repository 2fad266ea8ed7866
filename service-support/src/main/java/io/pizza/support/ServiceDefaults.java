package io.pizza.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What every service runs with unless its own {@code application.yml} says otherwise:
 * {@code service-defaults.yml} (its Kafka clients, HTTP errors, shutdown, management,
 * logs, traces, and the secure profile), below every setting of the service's own; and
 * above those defaults, the service's secrets, one file per property, from the folder
 * {@code PIZZA_SECRETS_DIR} ({@code /run/secrets} by default) that ./pizza or docker
 * compose gives it alone. A service's own settings name a secret
 * ({@code ${postgres.password:}}), never hold one.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULTS = "service-defaults.yml";

	static final String SECRETS = "PIZZA_SECRETS_DIR";

	private static final String PROFILE = "spring.config.activate.on-profile";

	@Override
	public int getOrder() {
		// after the service's own files, so that the profiles they activate are known
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		Path secrets = Path.of(environment.getProperty(SECRETS, "/run/secrets"));
		if (Files.isDirectory(secrets)) {
			sources.addLast(new ConfigTreePropertySource("service secrets", secrets,
					ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
		}
		// a profile's document before the defaults it changes
		List<PropertySource<?>> documents = documents(environment);
		for (int i = documents.size() - 1; i >= 0; i--) {
			sources.addLast(documents.get(i));
		}
	}

	private static List<PropertySource<?>> documents(ConfigurableEnvironment environment) {
		List<PropertySource<?>> kept = new ArrayList<>();
		try {
			for (PropertySource<?> document : new YamlPropertySourceLoader().load(DEFAULTS,
					new ClassPathResource(DEFAULTS))) {
				Object profile = document.getProperty(PROFILE);
				if (profile == null || environment.matchesProfiles(profile.toString())) {
					kept.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return kept;
	}

}
