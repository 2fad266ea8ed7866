package io.pizza.billing.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the billing service, under {@code billing}.
 *
 * @param instanceId the name this instance logs
 * @param ordersTopic the topic of placed orders
 */
@Validated
@ConfigurationProperties("billing")
public record BillingProperties(@NotBlank String instanceId, @NotBlank String ordersTopic) {

}
