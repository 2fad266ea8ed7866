package io.pizza.delivery.courier;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.pizza.support.tracing.RecordSpans;
import io.pizza.support.tracing.TraceInLog;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One span per delivery, in the order's trace: from the courier sent (or the order put in
 * its shop's queue for one) to its {@code DELIVERED} on the brokers. The statuses a
 * courier publishes are sent within it and continue the trace; its positions make no
 * span, and carry the trace only for the log lines written for them. A delivery taken
 * over from another instance, or sent once a partition makes room for it, is decided
 * outside any order's span and has none.
 */
@Component
class DeliverySpans implements DisposableBean {

	private static final String NAME = "pizza.delivery";

	private final ObservationRegistry registry;

	private final Map<UUID, Observation> open = new ConcurrentHashMap<>();

	DeliverySpans(ObservationRegistry registry) {
		this.registry = registry;
	}

	void start(UUID orderId) {
		if (!RecordSpans.inAnObservation(this.registry)) {
			return;
		}
		Observation delivery = Observation.createNotStarted(NAME, this.registry)
			.contextualName("deliver")
			.highCardinalityKeyValue(RecordSpans.ORDER_ID, orderId.toString());
		if (this.open.putIfAbsent(orderId, delivery) == null) {
			delivery.start();
		}
	}

	void within(UUID orderId, Runnable work) {
		sentWithin(orderId, () -> {
			work.run();
			return null;
		});
	}

	<T> T sentWithin(UUID orderId, Supplier<T> send) {
		Observation delivery = this.open.get(orderId);
		if (delivery == null) {
			return send.get();
		}
		try (Observation.Scope scope = delivery.openScope()) {
			return send.get();
		}
	}

	/**
	 * The delivery's trace, for its positions to name in the log without a span of their
	 * own.
	 * @return a {@code traceparent} header's value, empty without a delivery span
	 */
	Optional<String> traceparent(UUID orderId) {
		Observation delivery = this.open.get(orderId);
		TracingObservationHandler.TracingContext tracing = (delivery != null)
				? delivery.getContext().get(TracingObservationHandler.TracingContext.class) : null;
		if (tracing == null || tracing.getSpan() == null) {
			return Optional.empty();
		}
		TraceContext context = tracing.getSpan().context();
		return Optional.of(TraceInLog.traceparent(context.traceId(), context.spanId()));
	}

	void end(UUID orderId) {
		Observation delivery = this.open.remove(orderId);
		if (delivery != null) {
			delivery.stop();
		}
	}

	// the deliveries under way end here: the partitions' next owner carries them on
	@Override
	public void destroy() {
		List.copyOf(this.open.keySet()).forEach(this::end);
	}

}
