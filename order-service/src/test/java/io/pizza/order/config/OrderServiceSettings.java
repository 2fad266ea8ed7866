package io.pizza.order.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's settings and its strict reading of JSON for test slices, which scan for
 * neither.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderServiceProperties.class)
@Import(StrictJsonConfiguration.class)
public class OrderServiceSettings {

}
