package io.pizza.testing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a Docker engine runs, so that Testcontainers can be used.
 */
class DockerAvailable implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Docker.isAvailable();
	}

}
