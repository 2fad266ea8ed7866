package io.pizza.testing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application started in a test the {@link TestUser}s, unless the test sets
 * {@code pizza.http.users} itself: last in precedence, as a default.
 */
public class TestUsersEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("test-users", Map.of("pizza.http.users", TestUser.all())));
	}

}
