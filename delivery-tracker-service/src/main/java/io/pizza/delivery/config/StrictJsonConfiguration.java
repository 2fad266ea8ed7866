package io.pizza.delivery.config;

import io.pizza.support.StrictJson;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies read strictly ({@link StrictJson}): {@code "lat": "45.4"} is a
 * {@code 400}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::refuseCoercion;
	}

}
