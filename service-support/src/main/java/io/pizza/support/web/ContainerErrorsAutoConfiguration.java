package io.pizza.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every service's Tomcat answers the errors it raises itself as problem details
 * ({@link ProblemDetailsValve}), as Spring answers the others: on for every service with
 * this library and Tomcat.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
public class ContainerErrorsAutoConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsProblemDetails() {
		return (factory) -> factory
			.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ProblemDetailsValve()));
	}

}
