package io.pizza.maker.config;

import java.time.Duration;

import io.pizza.support.kafka.Retry;
import io.pizza.support.kafka.TopicSettings;
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
 * @param queue the makers as a share group, in the {@code queue} profile
 */
@Validated
@ConfigurationProperties("pizza-maker-service")
public record PizzaMakerProperties(@NotBlank String instanceId, @NotBlank String ordersTopic,
		@Valid @NotNull TopicSettings statusTopic, @Valid @NotNull TopicSettings deadLetterTopic,
		@NotNull Duration bakingTimePerPizza, @Valid @NotNull Retry pollRetry, @Valid @NotNull Queue queue) {

	/**
	 * The most pizzas an order may have, as the contract's {@code order-limits.json} says
	 * (the kitchen's {@code OrderPlacedTests} check it): a poll is sized by it.
	 */
	public static final int MAX_PIZZAS = 10;

	/** The most extra toppings a pizza may have, as {@code order-limits.json} says. */
	public static final int MAX_TOPPINGS = 5;

	/**
	 * How many orders one oven surely bakes in a time: as many as it would if each were
	 * of the largest size.
	 * @param most the most to take whatever the time (when baking takes none)
	 * @return at least one, at most {@code most}
	 */
	public int ordersBakedWithin(Duration time, int most) {
		Duration perOrder = this.bakingTimePerPizza.multipliedBy(MAX_PIZZAS);
		return perOrder.isZero() ? most : (int) Math.max(1, Math.min(most, time.dividedBy(perOrder)));
	}

	/**
	 * The makers as a share group (KIP-932): the brokers hand each order to any maker of
	 * the group, record by record, and count its deliveries; no partition is anyone's.
	 *
	 * @param group the share group's name
	 * @param makers how many makers (share consumers) this instance runs
	 * @param recordLock how long a maker holds an order it took before the brokers give
	 * it to another
	 * @param deliveryLimit how many times an order is delivered at most: the makers send
	 * it to the dead-letter topic on its last delivery rather than let the brokers drop
	 * it
	 */
	public record Queue(@NotBlank String group, @Min(1) int makers, @NotNull Duration recordLock,
			@Min(2) int deliveryLimit) {
	}

}
