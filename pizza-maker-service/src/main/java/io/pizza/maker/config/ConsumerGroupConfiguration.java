package io.pizza.maker.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Wires the listener containers of the {@code pizza-makers} group.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerGroupConfiguration {

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> rebalanceLogging(
			PizzaMakerProperties properties) {
		RebalanceLogging logging = new RebalanceLogging(properties.instanceId());
		return (container) -> container.getContainerProperties().setConsumerRebalanceListener(logging);
	}

}
