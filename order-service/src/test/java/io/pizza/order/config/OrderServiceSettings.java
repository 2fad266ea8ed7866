package io.pizza.order.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The service's settings for test slices, which do not scan for configuration properties.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderServiceProperties.class)
public class OrderServiceSettings {

}
