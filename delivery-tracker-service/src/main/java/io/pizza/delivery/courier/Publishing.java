package io.pizza.delivery.courier;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.pizza.delivery.tracking.CourierMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a simulated courier publishes, without waiting for the brokers: a send that fails,
 * at once or later, is said once in a WARN line, and never stops the courier.
 */
final class Publishing {

	private static final Logger log = LoggerFactory.getLogger(Publishing.class);

	private final Couriers couriers;

	private final DeliverySpans spans;

	private final String instance;

	Publishing(Couriers couriers, DeliverySpans spans, String instance) {
		this.couriers = couriers;
		this.spans = spans;
		this.instance = instance;
	}

	// within the delivery's span: the status continues the order's trace
	CompletableFuture<?> status(UUID orderId, String status, String courierId, Instant at) {
		return this.spans.sentWithin(orderId,
				() -> publish(() -> this.couriers.status(orderId, status, courierId, at), orderId, status));
	}

	CompletableFuture<?> position(CourierMoved position) {
		return publish(() -> this.couriers.position(position, this.spans.traceparent(position.orderId())),
				position.orderId(), "a position");
	}

	private CompletableFuture<?> publish(Supplier<CompletableFuture<?>> send, UUID orderId, String what) {
		try {
			return send.get().whenComplete((result, ex) -> {
				if (ex != null) {
					warnNotPublished(orderId, what, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			warnNotPublished(orderId, what, ex);
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void warnNotPublished(UUID orderId, String what, Throwable ex) {
		log.warn("[{}] order={} {} not published: {}", this.instance, orderId, what, ex.getMessage());
	}

}
