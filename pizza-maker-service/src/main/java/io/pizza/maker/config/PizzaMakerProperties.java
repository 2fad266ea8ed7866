package io.pizza.maker.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a pizza maker, under {@code pizza-maker}.
 *
 * @param instanceId the name this instance logs, such as {@code pizza-maker-1}
 * @param ordersTopic the topic of placed orders
 */
@Validated
@ConfigurationProperties("pizza-maker")
public record PizzaMakerProperties(@NotBlank String instanceId, @NotBlank String ordersTopic) {

}
