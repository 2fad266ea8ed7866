package io.pizza.delivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Follows orders out of the kitchen and streams couriers' positions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeliveryTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeliveryTrackerApplication.class, args);
	}

}
