package io.pizza.delivery.config;

import io.pizza.support.RequestSizeLimit;
import io.pizza.support.StrictJson;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies read strictly ({@link StrictJson}: {@code "lat": "45.4"} is a
 * {@code 400}), and none larger than {@code delivery-tracker-service.max-request-size} (a
 * {@code 413}).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::refuseCoercion;
	}

	@Bean
	RequestSizeLimit requestSizeLimit(DeliveryTrackerProperties properties) {
		return new RequestSizeLimit(properties.maxRequestSize());
	}

}
