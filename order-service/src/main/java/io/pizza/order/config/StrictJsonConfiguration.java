package io.pizza.order.config;

import io.pizza.support.StrictJson;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies read strictly ({@link StrictJson}): {@code "name": 0} is a {@code 400}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::refuseCoercion;
	}

}
