package io.pizza.order.config;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation of requests, which are plain records: with JPA on the class path,
 * Hibernate Validator would ask JPA of every property of every request whether it is
 * loaded, a cost on every {@code POST /orders} for nothing. Every property is reachable.
 */
@Configuration(proxyBeanMethods = false)
class RequestValidation {

	@Bean
	ValidationConfigurationCustomizer everyPropertyReachable() {
		return (configuration) -> configuration.traversableResolver(new TraversableResolver() {

			@Override
			public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
					ElementType elementType) {
				return true;
			}

			@Override
			public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
					ElementType elementType) {
				return true;
			}

		});
	}

}
