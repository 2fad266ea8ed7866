package io.pizza.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Bills every order placed, from the beginning of the orders topic, into PostgreSQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingApplication.class, args);
	}

}
