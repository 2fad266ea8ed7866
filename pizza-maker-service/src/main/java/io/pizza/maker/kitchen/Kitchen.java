package io.pizza.maker.kitchen;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.pizza.maker.config.PizzaMakerProperties;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Bakes orders, reporting {@code BAKING} and then {@code BAKED} on the status topic. Run
 * inside the listener's Kafka transaction, the two reports and the order's offset are
 * committed together or not at all.
 */
@Component
class Kitchen {

	private final KafkaTemplate<Object, Object> kafka;

	private final PizzaMakerProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong baked = new AtomicLong();

	private final AtomicReference<OrderPlaced> current = new AtomicReference<>();

	Kitchen(KafkaTemplate<Object, Object> kafka, PizzaMakerProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * Bakes one order.
	 * @param order the order
	 * @return how long it took
	 * @throws InterruptedException if the maker is stopped while baking
	 */
	Duration bake(OrderPlaced order) throws InterruptedException {
		long started = System.nanoTime();
		this.current.set(order);
		try {
			report(order, "BAKING");
			Duration bakingTime = this.properties.bakingTimePerPizza().multipliedBy(order.pizzas().size());
			if (!bakingTime.isZero()) {
				Thread.sleep(bakingTime.toMillis());
			}
			report(order, "BAKED");
			this.baked.incrementAndGet();
			return Duration.ofNanos(System.nanoTime() - started);
		}
		finally {
			this.current.set(null);
		}
	}

	private void report(OrderPlaced order, String status) {
		this.kafka.send(this.properties.statusTopic().name(), order.orderId().toString(),
				new OrderStatusChanged(order.orderId(), status, this.properties.instanceId(), this.clock.instant()));
	}

	long baked() {
		return this.baked.get();
	}

	OrderPlaced current() {
		return this.current.get();
	}

}
