package io.pizza.order.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's settings and how it reads request bodies, for test slices, which scan for
 * neither.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderServiceProperties.class)
@Import(RequestBodies.class)
public class OrderServiceSettings {

}
