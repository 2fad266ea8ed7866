package io.pizza.order.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the order service, under {@code order-service}.
 *
 * @param instanceId the name this instance logs and stamps on what it publishes
 * @param ordersTopic the topic orders are published to
 * @param rowsTopic the topic every order is published to again as a table row with its
 * schema, for Kafka Connect
 * @param statusTopic the topic of order status changes the timeline follows
 * @param answerDeadline how long {@code POST /orders} waits for the brokers'
 * acknowledgement before it answers {@code 202 Accepted} and lets the send go on
 * @param placementsKept how long this instance remembers an order it placed once its send
 * has settled, for the read your own writes and for retries, when its read model has not
 * taken it over earlier
 * @param maxRequestSize the largest request body accepted
 * @param menu what can be ordered, and at what price
 */
@Validated
@ConfigurationProperties("order-service")
public record OrderServiceProperties(@NotBlank String instanceId, @Valid @NotNull Topic ordersTopic,
		@Valid @NotNull Topic rowsTopic, @NotBlank String statusTopic, @NotNull Duration answerDeadline,
		@NotNull Duration placementsKept, @NotNull DataSize maxRequestSize, @Valid @NotNull Menu menu) {

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

	/**
	 * The menu, in euros.
	 *
	 * @param shops the shops that take orders
	 * @param pizzas the pizzas every shop bakes
	 * @param toppings the extra toppings, each priced per pizza
	 */
	public record Menu(@NotEmpty List<@NotBlank String> shops, @NotEmpty List<@Valid Item> pizzas,
			@NotEmpty List<@Valid Item> toppings) {
	}

	/**
	 * Something on the menu.
	 *
	 * @param name its name
	 * @param price its price in euros, to the cent
	 */
	public record Item(@NotBlank String name,
			@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price) {
	}

}
