package io.pizza.support.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every service traces orders the same way: requests start traces, records carry them
 * ({@link TraceStarts}), and batch listeners give each record its span
 * ({@link RecordSpans}). Without a tracer (the dashboard) the same observations are
 * timed, and no span is made; what may start no trace is not timed either.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class TracingAutoConfiguration {

	@Bean
	ObservationPredicate traceStarts(ObjectProvider<ObservationRegistry> registry) {
		return new TraceStarts(registry);
	}

	@Bean
	RecordSpans recordSpans(ObjectProvider<ObservationRegistry> registry, Environment environment) {
		return new RecordSpans(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				environment.getProperty("spring.kafka.client-id"));
	}

}
