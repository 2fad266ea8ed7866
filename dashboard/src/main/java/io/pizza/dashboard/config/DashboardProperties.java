package io.pizza.dashboard.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard, under {@code dashboard}.
 *
 * @param instanceId the name this instance logs
 * @param refresh how often the cluster is looked at and the page updated
 * @param ordersTopic the topic of placed orders, whose flow per shop is shown
 * @param orderService where order-service answers (its menu names the shops)
 * @param billingService where billing-service answers (its totals)
 * @param deliveryMap the delivery tracker's map page, linked from the dashboard
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(@NotBlank String instanceId, @NotNull Duration refresh, @NotBlank String ordersTopic,
		@NotNull URI orderService, @NotNull URI billingService, @NotNull URI deliveryMap) {

}
