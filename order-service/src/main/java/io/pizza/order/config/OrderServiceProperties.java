package io.pizza.order.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.pizza.support.kafka.Retry;
import io.pizza.support.kafka.TopicSettings;
import io.pizza.support.web.TakesRequestBodies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
 * @param placementsTopic the topic where the instances claim keyed orders and tell each
 * other of orders they answered {@code 202} for, and how those ended
 * @param orderIdKey the secret the instances share, from which an idempotency key's order
 * id is derived (an HMAC): at least 32 characters, made by {@code ./pizza up} and docker
 * compose
 * @param answerDeadline how long {@code POST /orders} waits for the brokers'
 * acknowledgement before it answers {@code 202 Accepted} and lets the send go on
 * @param noteDeadline how long a {@code 202} waits more, at most, for the brokers to have
 * the note that lets every instance show its order
 * @param placementsKept how long this instance remembers an order it placed once its send
 * has settled, for the read your own writes and for retries, when its read model has not
 * taken it over earlier
 * @param maxRequestSize the largest request body accepted
 * @param menu what can be ordered, and at what price
 * @param listenerRetry how the read model's and the row feed's listeners take a failed
 * poll again
 * @param traces Zipkin's pages: staff reading an order get a link to its traces there
 */
@Validated
@ConfigurationProperties("order-service")
public record OrderServiceProperties(@NotBlank String instanceId, @Valid @NotNull TopicSettings ordersTopic,
		@Valid @NotNull TopicSettings rowsTopic, @NotBlank String statusTopic,
		@Valid @NotNull TopicSettings placementsTopic, @NotNull @Size(min = 32) String orderIdKey,
		@NotNull Duration answerDeadline, @NotNull Duration noteDeadline, @NotNull Duration placementsKept,
		@NotNull DataSize maxRequestSize, @Valid @NotNull Menu menu, @Valid @NotNull Retry listenerRetry,
		@NotNull URI traces) implements TakesRequestBodies {

	// the key is a secret: never in a log line
	@Override
	public String toString() {
		return "OrderServiceProperties[instanceId=" + this.instanceId + ", ordersTopic=" + this.ordersTopic.name()
				+ ", placementsTopic=" + this.placementsTopic.name() + ", orderIdKey=(secret)]";
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
	 * @param price its price in euros, to the cent
	 */
	public record Item(@NotBlank String name,
			@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price) {
	}

}
