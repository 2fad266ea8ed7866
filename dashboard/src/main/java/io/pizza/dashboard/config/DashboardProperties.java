package io.pizza.dashboard.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
 * @param makers where the pizza makers answer (what each holds as a share group's member)
 * @param deliveryMap the delivery tracker's map page, linked from the dashboard
 * @param traces Zipkin's pages, where each order's trace is linked to
 * @param streamTimeout how long a page's stream lasts at most: browsers open a new one by
 * themselves, this bounds one forgotten
 * @param clusterTimeout the longest a look at the cluster waits for an answer of the
 * brokers
 * @param servicesTimeout the longest the dashboard waits for order-service or billing to
 * connect, and then to answer: a service that is down must not hold the page up
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(@NotBlank String instanceId, @NotNull Duration refresh, @NotBlank String ordersTopic,
		@NotNull URI orderService, @NotNull URI billingService, @NotNull List<URI> makers, @NotNull URI deliveryMap,
		@NotNull URI traces, @NotNull Duration streamTimeout, @NotNull Duration clusterTimeout,
		@NotNull Duration servicesTimeout) {

}
