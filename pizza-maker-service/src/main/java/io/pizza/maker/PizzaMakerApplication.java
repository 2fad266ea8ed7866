package io.pizza.maker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Bakes the orders of the partitions assigned to this instance.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PizzaMakerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PizzaMakerApplication.class, args);
	}

}
