package io.pizza.delivery.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the delivery tracker, under {@code delivery-tracker}.
 *
 * @param instanceId the name this instance logs
 * @param statusTopic the topic of order status changes
 */
@Validated
@ConfigurationProperties("delivery-tracker")
public record DeliveryTrackerProperties(@NotBlank String instanceId, @NotBlank String statusTopic) {

}
