package io.pizza.support.problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@link ProblemHandling} in every web service with this library, in place of Spring
 * Boot's own problem details handler (which backs off when it finds one: hence before
 * Boot's web MVC configuration). A service says what a request the database's absence
 * failed is told under {@code pizza.problems.database-outage}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemHandlingAutoConfiguration {

	@Bean
	ProblemHandling problemHandling(@Value("${pizza.problems.database-outage:"
			+ "The service's database does not answer; try again shortly.}") String databaseOutage) {
		return new ProblemHandling(databaseOutage);
	}

}
