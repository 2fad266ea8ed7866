package io.pizza.billing.config;

import io.pizza.support.kafka.Retry;
import io.pizza.support.kafka.TopicSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the billing service, under {@code billing}.
 *
 * @param instanceId the name this instance logs
 * @param ordersTopic the topic of placed orders
 * @param currency the ISO 4217 code billing keeps its books in: an order priced in
 * another cannot be billed
 * @param deadLetterTopic where orders that cannot be billed go
 * @param databaseRetry how long to wait between tries while the database is away
 */
@Validated
@ConfigurationProperties("billing-service")
public record BillingProperties(@NotBlank String instanceId, @NotBlank String ordersTopic,
		@Pattern(regexp = "[A-Z]{3}") @NotNull String currency, @Valid @NotNull TopicSettings deadLetterTopic,
		@Valid @NotNull Retry databaseRetry) {

}
