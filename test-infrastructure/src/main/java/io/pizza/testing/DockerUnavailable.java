package io.pizza.testing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no Docker engine runs, so that the embedded servers stand in for
 * containers.
 */
class DockerUnavailable implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !Docker.isAvailable();
	}

}
