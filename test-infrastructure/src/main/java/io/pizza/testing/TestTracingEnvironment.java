package io.pizza.testing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application started in a test traces as it would run, and sends its spans to no
 * Zipkin server (one running on this machine would take in the tests' spans): a test that
 * looks at spans adds a span handler of its own.
 */
public class TestTracingEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(
					new MapPropertySource("test-tracing", Map.of("management.tracing.export.zipkin.enabled", "false")));
	}

}
