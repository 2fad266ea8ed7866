package io.pizza.order.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The service's settings, for test slices, which do not scan for them; with them, a slice
 * reads request bodies as the service does ({@code RequestBodiesAutoConfiguration}).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderServiceProperties.class)
public class OrderServiceSettings {

}
