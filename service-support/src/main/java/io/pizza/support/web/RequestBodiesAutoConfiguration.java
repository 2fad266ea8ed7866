package io.pizza.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * In every service that {@link TakesRequestBodies}: bodies read strictly
 * ({@link StrictJson}: {@code "name": 0} or {@code "lat": "45.4"} is a {@code 400}), and
 * none larger than the service's {@code max-request-size} (a {@code 413},
 * {@link RequestSizeLimit}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
@ConditionalOnBean(TakesRequestBodies.class)
public class RequestBodiesAutoConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::refuseCoercion;
	}

	@Bean
	RequestSizeLimit requestSizeLimit(TakesRequestBodies service) {
		return new RequestSizeLimit(service.maxRequestSize());
	}

}
