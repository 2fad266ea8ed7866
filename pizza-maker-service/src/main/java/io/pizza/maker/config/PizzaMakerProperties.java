package io.pizza.maker.config;

import java.time.Duration;

import io.pizza.support.Retry;
import io.pizza.support.TopicSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a pizza maker, under {@code pizza-maker}.
 *
 * @param instanceId the name this instance logs and stamps on what it publishes, such as
 * {@code pizza-maker-1}
 * @param ordersTopic the topic of placed orders
 * @param statusTopic the topic the maker reports {@code BAKING} and {@code BAKED} to
 * @param deadLetterTopic where records that cannot be baked go, as they came
 * @param bakingTimePerPizza how long one pizza takes ({@code 0} for benchmarks)
 * @param pollRetry how a poll whose transaction was rolled back is taken again
 */
@Validated
@ConfigurationProperties("pizza-maker-service")
public record PizzaMakerProperties(@NotBlank String instanceId, @NotBlank String ordersTopic,
		@Valid @NotNull TopicSettings statusTopic, @Valid @NotNull TopicSettings deadLetterTopic,
		@NotNull Duration bakingTimePerPizza, @Valid @NotNull Retry pollRetry) {

	/**
	 * The most pizzas an order may have (order-service's rule): a poll is sized by it.
	 */
	public static final int MAX_PIZZAS = 10;

	/** The most extra toppings a pizza may have (order-service's rule). */
	public static final int MAX_TOPPINGS = 5;

}
