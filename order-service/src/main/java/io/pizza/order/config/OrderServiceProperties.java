package io.pizza.order.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the order service, under {@code order-service}.
 *
 * @param instanceId the name this instance logs and stamps on what it publishes
 * @param ordersTopic the topic orders are published to
 * @param sendTimeout how long a request waits for the brokers' acknowledgement
 */
@Validated
@ConfigurationProperties("order-service")
public record OrderServiceProperties(@NotBlank String instanceId, @Valid @NotNull Topic ordersTopic,
		@NotNull Duration sendTimeout) {

	/**
	 * A topic the service declares.
	 *
	 * @param name the topic's name
	 * @param partitions its number of partitions
	 * @param replicas its replication factor
	 * @param retention how long its records are kept
	 */
	public record Topic(@NotBlank String name, @Min(1) int partitions, @Min(1) short replicas,
			@NotNull Duration retention) {
	}

}
